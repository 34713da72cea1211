import PlatcFacts

/// The identity every endpoint picker runs as, and what it may read: its pool's pods and the pool
/// itself, and the optional InferenceObjective / InferenceModelRewrite kinds — read-only, in the
/// serving namespace. The objectives' rules are needed although platc renders none: a picker
/// started where their CRDs are installed but unreadable never syncs its cache and exits (EPP §4).
enum EndpointPickerAccess {
    static let name = "endpoint-picker"

    static func objects(_ context: RenderContext) -> [KubeObject] {
        let namespace = context.platform.namespaces.serving.value
        let labels = EndpointPickerShared.labels(context)
        let read: YAMLValue = ["get", "list", "watch"]
        return [
            KubeObject(
                "v1", "ServiceAccount", name: name, namespace: namespace, labels: labels, sources: [context.platformSource]),
            KubeObject(
                "rbac.authorization.k8s.io/v1", "Role", name: name, namespace: namespace, labels: labels,
                body: [
                    "rules": [
                        ["apiGroups": [""], "resources": ["pods"], "verbs": read],
                        ["apiGroups": ["inference.networking.k8s.io"], "resources": ["inferencepools"], "verbs": read],
                        [
                            "apiGroups": ["inference.networking.x-k8s.io", "llm-d.ai"],
                            "resources": ["inferencemodelrewrites", "inferenceobjectives"], "verbs": read,
                        ],
                    ]
                ],
                sources: [context.platformSource]),
            KubeObject(
                "rbac.authorization.k8s.io/v1", "RoleBinding", name: name, namespace: namespace, labels: labels,
                body: [
                    "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": .string(name)],
                    "subjects": [["kind": "ServiceAccount", "name": .string(name), "namespace": .string(namespace)]],
                ],
                sources: [context.platformSource]),
        ]
    }
}

/// The scheduling profile every picker runs: the release chart's `default-plugins.yaml` for vLLM
/// over HTTP, verbatim (EPP §3): queue depth and KV-cache use weighted 2, prefix-cache affinity 3,
/// read from each pod's `/metrics`.
enum EndpointPickerConfig {
    static let name = "endpoint-picker"
    static let mountPath = "/config"
    static let fileName = "default-plugins.yaml"

    static let plugins = """
        apiVersion: llm-d.ai/v1alpha1
        kind: EndpointPickerConfig
        plugins:
        - type: queue-scorer
        - type: kv-cache-utilization-scorer
        - type: prefix-cache-scorer
        - type: metrics-data-source
          parameters:
            scheme: "http"
            path: "/metrics"
            insecureSkipVerify: true
        - type: core-metrics-extractor
        schedulingProfiles:
        - name: default
          plugins:
          - pluginRef: queue-scorer
            weight: 2
          - pluginRef: kv-cache-utilization-scorer
            weight: 2
          - pluginRef: prefix-cache-scorer
            weight: 3

        """

    static func object(_ context: RenderContext) -> KubeObject {
        KubeObject(
            "v1", "ConfigMap", name: name, namespace: context.platform.namespaces.serving.value,
            labels: EndpointPickerShared.labels(context), body: ["data": [fileName: .string(plugins)]],
            sources: [context.platformSource])
    }
}

/// Objects all pickers share, and their labels.
enum EndpointPickerShared {
    static func labels(_ context: RenderContext) -> [(String, String)] {
        [(Conventions.nameLabel, PodSelectors.endpointPickerName), (Conventions.componentLabel, "endpoint-picker")]
            + context.commonLabels
    }

    /// Prometheus scrapes every picker's metrics port (ready endpoints, request errors, scrape
    /// errors against vLLM: EPP §9); the model label names the pool.
    static func podMonitor(_ context: RenderContext) -> KubeObject {
        KubeObject(
            "monitoring.coreos.com/v1", "PodMonitor", name: EndpointPickerAccess.name, namespace: context.platform.namespaces.serving.value,
            labels: labels(context),
            body: [
                "spec": [
                    "selector": ["matchLabels": .sortedMap([(Conventions.nameLabel, PodSelectors.endpointPickerName)])],
                    "podTargetLabels": [.string(Conventions.modelLabel)],
                    "podMetricsEndpoints": [["port": "metrics", "path": "/metrics", "interval": "15s"]],
                ]
            ],
            sources: [context.platformSource])
    }

    /// Who may reach a picker: the inference Gateway's data plane on ext-proc, Prometheus on
    /// metrics. Egress stays open: the picker watches the API server (whose address NetworkPolicy
    /// cannot name portably) and reads vLLM's `/metrics`.
    static func networkPolicy(_ routing: InferenceRouting, _ context: RenderContext) -> KubeObject {
        KubeObject(
            "networking.k8s.io/v1", "NetworkPolicy", name: EndpointPickerAccess.name, namespace: context.platform.namespaces.serving.value,
            labels: labels(context),
            body: [
                "spec": [
                    "podSelector": ["matchLabels": .sortedMap([(Conventions.nameLabel, PodSelectors.endpointPickerName)])],
                    "policyTypes": ["Ingress"],
                    "ingress": [
                        [
                            "from": [InferenceGateway.dataPlane(routing)],
                            "ports": [["protocol": "TCP", "port": .int(InferenceRouting.extProcPort)]],
                        ],
                        [
                            "from": [NetworkPeer.pods(Conventions.prometheusAppLabel, inNamespace: Conventions.monitoringNamespace)],
                            "ports": [["protocol": "TCP", "port": .int(InferenceRouting.metricsPort)]],
                        ],
                    ],
                ]
            ],
            sources: [context.platformSource])
    }
}
