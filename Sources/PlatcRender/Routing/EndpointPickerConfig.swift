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
