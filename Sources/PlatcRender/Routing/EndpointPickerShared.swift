import PlatcFacts

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
