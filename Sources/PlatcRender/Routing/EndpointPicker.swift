import PlatcFacts
import PlatcSpec

/// A model's endpoint picker (llm-d's router, v0.10.0): the Envoy ext-proc server its InferencePool
/// names, which picks the replica for each request from the pool's pods by queue depth, KV-cache
/// use and prefix-cache affinity (the plugin config in `EndpointPickerConfig`). Flags, ports,
/// probes and strategy follow the release's chart (`config/charts/routerlib`); every choice and its
/// source is in docs/research/endpoint-picker-notes.md.
enum EndpointPicker {
    static func labels(_ serving: ServingModel) -> [(String, String)] {
        PodSelectors.endpointPicker(serving.name) + [
            (Conventions.componentLabel, "endpoint-picker"), (Conventions.modelLabel, serving.name),
            (Conventions.ownerLabel, serving.model.owner.value), (Conventions.costCenterLabel, serving.model.owner.value),
        ] + serving.context.commonLabels
    }

    static func object(_ serving: ServingModel, image: String, picker: Platform.Routing.EndpointPicker) -> KubeObject {
        let name = InferenceRouting.pickerName(of: serving.name)
        let selector = PodSelectors.endpointPicker(serving.name)
        return KubeObject(
            "apps/v1", "Deployment", name: name, namespace: serving.namespace, labels: labels(serving),
            annotations: CheckovSkip.annotations(skips),
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
            ],
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

/// The Service the InferencePool's `endpointPickerRef` names: ext-proc over HTTP/2 cleartext, and
/// the metrics port.
enum EndpointPickerService {
    static func object(_ serving: ServingModel) -> KubeObject {
        KubeObject(
            "v1", "Service", name: InferenceRouting.pickerName(of: serving.name), namespace: serving.namespace,
            labels: EndpointPicker.labels(serving),
            body: [
                "spec": [
                    "type": "ClusterIP",
                    "selector": .sortedMap(PodSelectors.endpointPicker(serving.name)),
                    "ports": [
                        [
                            "name": "grpc-ext-proc", "port": .int(InferenceRouting.extProcPort), "targetPort": "grpc",
                            "protocol": "TCP", "appProtocol": "kubernetes.io/h2c",
                        ],
                        [
                            "name": "http-metrics", "port": .int(InferenceRouting.metricsPort), "targetPort": "metrics",
                            "protocol": "TCP",
                        ],
                    ],
                ]
            ],
            sources: [serving.model.span.start.file, serving.context.platformSource])
    }
}

/// Drains evict the picker (one replica): `maxUnavailable: 1`, as for vLLM. While it is away the
/// pool fails open and the gateway forwards to any pod of the pool.
enum EndpointPickerDisruptionBudget {
    static func object(_ serving: ServingModel) -> KubeObject {
        KubeObject(
            "policy/v1", "PodDisruptionBudget", name: InferenceRouting.pickerName(of: serving.name), namespace: serving.namespace,
            labels: EndpointPicker.labels(serving),
            body: [
                "spec": [
                    "maxUnavailable": 1,
                    "selector": ["matchLabels": .sortedMap(PodSelectors.endpointPicker(serving.name))],
                    "unhealthyPodEvictionPolicy": "AlwaysAllow",
                ]
            ],
            sources: [serving.model.span.start.file, serving.context.platformSource])
    }
}

/// A model's vLLM pods admit their own endpoint picker on port 8000, where it reads `/metrics`
/// (EPP §3). One policy per model, not a peer of the shared `vllm` policy: vLLM 0.11.0 serves
/// `/invocations` on that port without a key, so a picker admitted to every model could run any
/// of them; this way each reaches only the pods it picks among (NetworkPolicies add up).
enum EndpointPickerScrapePolicy {
    static func object(_ serving: ServingModel) -> KubeObject {
        KubeObject(
            "networking.k8s.io/v1", "NetworkPolicy", name: InferenceRouting.pickerName(of: serving.name), namespace: serving.namespace,
            labels: EndpointPicker.labels(serving),
            body: [
                "spec": [
                    "podSelector": ["matchLabels": .sortedMap(serving.selector)],
                    "policyTypes": ["Ingress"],
                    "ingress": [
                        [
                            "from": [
                                [
                                    "podSelector": ["matchLabels": .sortedMap(PodSelectors.endpointPicker(serving.name))]
                                ]
                            ],
                            "ports": [["protocol": "TCP", "port": .int(Conventions.vllmPort)]],
                        ]
                    ],
                ]
            ],
            sources: [serving.model.span.start.file, serving.context.platformSource])
    }
}
