/// Prometheus scrapes vLLM's `/metrics` on every pod of the model (Prometheus Operator). A
/// PodMonitor rather than `prometheus.io/*` annotations: the annotations are a convention of
/// one scrape config, not an API; a PodMonitor is validated, selects by the same labels as the
/// Service, and needs no Service port. The model label is copied onto every series so KEDA and
/// cost dashboards can sum per model.
enum ServingPodMonitor {
    /// The Prometheus label the pod's model label becomes (non-alphanumerics turn into `_`).
    static var modelSeriesLabel: String {
        String(Conventions.modelLabel.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    static func object(_ serving: ServingModel) -> KubeObject {
        serving.object(
            "monitoring.coreos.com/v1", "PodMonitor",
            body: [
                "spec": [
                    "selector": ["matchLabels": .sortedMap(serving.selector)],
                    "podTargetLabels": [.string(Conventions.modelLabel), .string(Conventions.ownerLabel)],
                    "podMetricsEndpoints": [["port": "http", "path": "/metrics", "interval": "15s"]],
                ]
            ])
    }
}
