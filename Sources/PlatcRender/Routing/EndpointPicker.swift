import PlatcFacts
import PlatcSpec

/// A model's endpoint picker (llm-d's router, v0.10.0): the Envoy ext-proc server its InferencePool
/// names, which picks the replica for each request from the pool's pods by queue depth, KV-cache
/// use and prefix-cache affinity (the plugin config in `EndpointPickerConfig`). Flags, ports,
/// probes and strategy follow the release's chart (`config/charts/routerlib`); every choice and its
/// source is in docs/research/endpoint-picker-notes.md.
enum EndpointPicker {
    static func labels(_ serving: ServingModel) -> [(String, String)] {
        PodSelectors.endpointPicker(serving.name) + [(Conventions.componentLabel, "endpoint-picker")] + serving.attribution
            + serving.context.commonLabels
    }

    static func object(_ serving: ServingModel, image: String, picker: Platform.Routing.EndpointPicker) -> KubeObject {
        let selector = PodSelectors.endpointPicker(serving.name)
        return object(
            "apps/v1", "Deployment", of: serving, annotations: CheckovSkip.annotations(skips),
            body: [
                "spec": [
                    // One active replica: the prefix-cache scorer's index lives in the picker's memory,
                    // and the chart replaces it with Recreate (a second replica needs leader election).
                    "replicas": 1,
                    "strategy": ["type": "Recreate"],
                    "selector": ["matchLabels": .sortedMap(selector)],
                    "template": [
                        "metadata": ["labels": .sortedMap(labels(serving))],
                        "spec": podSpec(serving, image: image, picker: picker),
                    ],
                ]
            ])
    }

    /// One of a model's picker objects: named `<model>-epp` in the serving namespace, with the
    /// picker's labels, from the model's file and the platform's (the image, the size).
    static func object(
        _ apiVersion: String, _ kind: String, of serving: ServingModel, annotations: [(String, String)] = [], body: YAMLMap
    ) -> KubeObject {
        KubeObject(
            apiVersion, kind, name: InferenceRouting.pickerName(of: serving.name), namespace: serving.namespace,
            labels: labels(serving), annotations: annotations, body: body,
            sources: [serving.model.span.start.file, serving.context.platformSource])
    }

    /// checkov's checks that are wrong for the picker (docs/security.md, "Skips").
    static let skips = [
        (
            check: "CKV_K8S_11",
            reason: "no CPU limit on purpose: a throttled endpoint picker delays every request it picks for (llm-d's chart sets none)"
        ),
        (
            check: "CKV_K8S_38",
            reason: "the endpoint picker watches its InferencePool and the pool's pods through the API: it needs its token"
        ),
    ]

    static func podSpec(_ serving: ServingModel, image: String, picker: Platform.Routing.EndpointPicker) -> YAMLValue {
        [
            // It watches its pool and the pool's pods through the API (`EndpointPickerAccess`).
            "serviceAccountName": .string(EndpointPickerAccess.name),
            "automountServiceAccountToken": true,
            "enableServiceLinks": false,
            // On the request path like vLLM: batch work must not preempt it.
            "priorityClassName": .string(Conventions.servingPriorityClassName),
            "securityContext": PodSecurity.pod,
            // The chart: as long as the longest grace period of the pool's pods, so in-flight
            // picks finish while the model's pods drain.
            "terminationGracePeriodSeconds": .int(VLLMDeployment.engineSeconds(serving) + 30),
            "containers": [
                [
                    "name": "epp",
                    "image": .string(image),
                    "imagePullPolicy": "IfNotPresent",
                    "args": .list(arguments(serving).map(YAMLValue.string)),
                    "env": [
                        ["name": "NAMESPACE", "valueFrom": ["fieldRef": ["fieldPath": "metadata.namespace"]]],
                        ["name": "POD_NAME", "valueFrom": ["fieldRef": ["fieldPath": "metadata.name"]]],
                    ],
                    "ports": [
                        ["name": "grpc", "containerPort": .int(InferenceRouting.extProcPort), "protocol": "TCP"],
                        ["name": "grpc-health", "containerPort": .int(InferenceRouting.healthPort), "protocol": "TCP"],
                        ["name": "metrics", "containerPort": .int(InferenceRouting.metricsPort), "protocol": "TCP"],
                    ],
                    "livenessProbe": probe(initialDelay: 5, period: 10),
                    "readinessProbe": probe(initialDelay: 0, period: 2),
                    "resources": [
                        "requests": ["cpu": .string(picker.cpu.value.description), "memory": .string(picker.memory.value.description)],
                        // No CPU limit, as the chart: a throttled picker delays every request it picks for.
                        "limits": ["memory": .string(picker.memory.value.description)],
                    ],
                    "securityContext": PodSecurity.container,
                    // The picker writes no file (EPP §1): nothing writable is mounted.
                    "volumeMounts": [["name": "config", "mountPath": .string(EndpointPickerConfig.mountPath), "readOnly": true]],
                ]
            ],
            "volumes": [["name": "config", "configMap": ["name": .string(EndpointPickerConfig.name)]]],
        ]
    }

    /// The chart's flags for a picker of one InferencePool (EPP §2), with metrics authentication
    /// off: the picker's NetworkPolicy admits only Prometheus to the metrics port, as vLLM's admits
    /// it to vLLM's, and authentication would need a ClusterRole for TokenReviews. ext-proc keeps
    /// the picker's default TLS (`--secure-serving`, a self-signed certificate the gateway does not verify).
    static func arguments(_ serving: ServingModel) -> [String] {
        [
            "--pool-name", serving.name, "--pool-namespace", serving.namespace, "--pool-group", "inference.networking.k8s.io",
            "--config-file", EndpointPickerConfig.mountPath + "/" + EndpointPickerConfig.fileName,
            "--grpc-port", String(InferenceRouting.extProcPort),
            "--grpc-health-port", String(InferenceRouting.healthPort),
            "--metrics-port", String(InferenceRouting.metricsPort),
            // Both default to true in v0.10.0: no collector to trace to, and pprof on the metrics
            // port would be open to whatever reaches it.
            "--metrics-endpoint-auth=false", "--tracing=false", "--enable-pprof=false", "--zap-encoder", "json",
        ]
    }

    /// The picker's own gRPC health service, as the chart probes a single replica.
    static func probe(initialDelay: Int64, period: Int64) -> YAMLValue {
        [
            "grpc": ["port": .int(InferenceRouting.healthPort), "service": "inference-extension"],
            "initialDelaySeconds": initialDelay > 0 ? .int(initialDelay) : nil,
            "periodSeconds": .int(period),
        ]
    }
}
