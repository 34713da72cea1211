import PlatcSpec

/// The model's vLLM Deployment: one OpenAI-compatible server per replica, TP GPUs each.
enum VLLMDeployment {
    static let containerName = "vllm"

    static func object(_ serving: ServingModel) -> KubeObject {
        let replicas = serving.replicas
        let startupSeconds = (serving.model.serving.startupTimeout.value.milliseconds + 999) / 1000
        // KEDA (or a person) owns the replica count between min and max: Argo CD must not reset it.
        let annotations =
            (replicas.countMoves ? [(Conventions.argocdIgnoreDifferencesAnnotation, "/spec/replicas")] : [])
            + CheckovSkip.annotations([(VLLMAPIKey.secretAsVariable, secretsAsVariables(serving.model))])
        return serving.object(
            "apps/v1", "Deployment", name: serving.deploymentName, annotations: annotations,
            body: [
                "spec": [
                    // The warm floor (0 when parked); with KEDA, the count it starts from.
                    "replicas": .int(replicas.floor),
                    "selector": ["matchLabels": .sortedMap(serving.selector)],
                    "strategy": RolloutStrategy.of(serving).yaml,
                    // A rollout is "progressing" for as long as a cold start may take, plus 5 minutes,
                    // before Kubernetes (and Argo CD's health) call it failed.
                    "progressDeadlineSeconds": .int(startupSeconds + 300),
                    "template": [
                        "metadata": [
                            "labels": .sortedMap(serving.labels),
                            "annotations": .sortedMap(
                                GPUFitAnnotations.of(serving.fit) + [(Conventions.defaultContainerAnnotation, containerName)]),
                        ],
                        "spec": .map(podSpec(serving)),
                    ],
                ]
            ])
    }

    static func podSpec(_ serving: ServingModel) -> YAMLMap {
        let delivery = ModelcarDelivery.of(serving.context.platform)
        let modelcars = Modelcar.all(serving.model)
        let tp = serving.tensorParallel
        let weightMounts: [YAMLValue]
        let weightVolumes: [YAMLValue]
        switch delivery {
        case .imageVolume:
            weightMounts = modelcars.map(\.imageVolumeMount)
            weightVolumes = modelcars.map(\.imageVolume)
        case .sidecar:
            weightMounts = [["name": .string(Modelcar.linksVolume), "mountPath": .string(Modelcar.linksMountPath), "readOnly": true]]
            weightVolumes = [["name": .string(Modelcar.linksVolume), "emptyDir": ["sizeLimit": "1Mi"]]]
        }
        let gpuClass = serving.gpuClass
        var spec: YAMLMap = [
            // vLLM never calls the Kubernetes API: no token in the pod.
            "automountServiceAccountToken": false,
            // No *_SERVICE_HOST/PORT variables: a Service named like vllm would inject VLLM_PORT,
            // which vLLM reads as its own setting and fails on.
            "enableServiceLinks": false,
            // The modelcar sidecar's filesystem is read through /proc/<pid>/root.
            "shareProcessNamespace": delivery == .sidecar ? true : nil,
            "priorityClassName": .string(Conventions.servingPriorityClassName),
            "securityContext": PodSecurity.pod,
            // In-flight requests may run up to the engine timeout after SIGTERM.
            "terminationGracePeriodSeconds": .int(engineSeconds(serving) + 30),
            "nodeSelector": gpuClass.nodeSelector.isEmpty
                ? nil : .sortedMap(gpuClass.nodeSelector.map { ($0.key.value, $0.value.value) }),
            "tolerations": gpuClass.tolerations.isEmpty ? nil : .list(gpuClass.tolerations.map(toleration)),
        ]
        if delivery == .sidecar {
            spec["initContainers"] = .list(modelcars.map { $0.sidecar(securityContext: PodSecurity.container) })
        }
        spec["containers"] = [
            [
                "name": .string(containerName),
                "image": .string(serving.model.serving.engine.image.value),
                "imagePullPolicy": "IfNotPresent",
                "args": .list((VLLMArguments.of(serving.model) + VLLMAPIKey.arguments(serving.context.platform)).map(YAMLValue.string)),
                "env": .list(VLLMEnvironment.of(serving)),
                "ports": [["name": "http", "containerPort": .int(Conventions.vllmPort), "protocol": "TCP"]],
                "resources": VLLMResources.yaml(VLLMResources.of(serving)),
                "startupProbe": VLLMProbes.startup(serving.model),
                "readinessProbe": VLLMProbes.readiness,
                "livenessProbe": VLLMProbes.liveness,
                // Leave the endpoints (Service, InferencePool) before the server stops accepting.
                "lifecycle": ["preStop": ["exec": ["command": ["sleep", "10"]]]],
                "securityContext": PodSecurity.container,
                "volumeMounts": .list(PodSecurity.volumeMounts + weightMounts),
            ]
        ]
        spec["volumes"] = .list(PodSecurity.volumes(tensorParallel: tp) + weightVolumes)
        return spec
    }

    /// Why checkov's "prefer secrets as files" is skipped: vLLM's key, and the model's own Secrets.
    static func secretsAsVariables(_ model: Model) -> String {
        VLLMAPIKey.whyAVariable + (VLLMEnvironment.readsSecrets(model) ? VLLMAPIKey.whyModelVariables : "")
    }

    static func engineSeconds(_ serving: ServingModel) -> Int64 {
        (serving.context.platform.timeouts.engine.value.milliseconds + 999) / 1000
    }

    static func toleration(_ t: GPUClass.Toleration) -> YAMLValue {
        [
            "key": .string(t.key.value), "operator": .string(t.operator.value), "value": t.value.map { .string($0.value) },
            "effect": t.effect.map { .string($0.value) },
        ]
    }
}
