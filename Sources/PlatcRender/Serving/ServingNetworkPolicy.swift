/// Who may talk to vLLM: ingress to port 8000 only from the gateway's and LiteLLM's namespaces
/// and from Prometheus (its pods in the monitoring namespace, for /metrics); egress denied
/// entirely — weights are local, the Hub is off (HF_HUB_OFFLINE) and a compromised model server
/// has nowhere to send data. The kubelet's probes come from the node and are not affected, and
/// the warm-up probe runs inside the pod.
enum ServingNetworkPolicy {
    static let name = "vllm"

    static func object(_ context: RenderContext) -> KubeObject {
        let namespaces = context.platform.namespaces
        let fromNamespace: (String) -> YAMLValue = { namespace in
            ["namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": .string(namespace)]]]
        }
        let prometheus: YAMLValue = [
            "namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": .string(Conventions.monitoringNamespace)]],
            "podSelector": ["matchLabels": .sortedMap([Conventions.prometheusAppLabel])],
        ]
        return KubeObject(
            "networking.k8s.io/v1", "NetworkPolicy", name: name, namespace: namespaces.serving.value, labels: context.commonLabels,
            body: [
                "spec": [
                    "podSelector": ["matchLabels": ["app.kubernetes.io/name": "vllm"]],
                    "policyTypes": ["Ingress", "Egress"],
                    "ingress": [
                        [
                            "from": [fromNamespace(namespaces.gateway.value), fromNamespace(namespaces.litellm.value), prometheus],
                            "ports": [["protocol": "TCP", "port": .int(Conventions.vllmPort)]],
                        ]
                    ],
                    "egress": [],
                ]
            ],
            sources: [context.platformSource])
    }
}
