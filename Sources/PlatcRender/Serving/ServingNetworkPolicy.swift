/// Who may talk to vLLM: port 8000 admits only LiteLLM's pods (the request path: every request
/// passes its keys, budgets and rate limits) and Prometheus' pods (metrics share the port;
/// docs/request-path.md names what else that exposes). Egress is denied entirely: weights are
/// local, the Hub is off (HF_HUB_OFFLINE) and a compromised model server has nowhere to send
/// data. The kubelet's probes come from the node and are not affected, and the warm-up runs
/// inside the pod.
enum ServingNetworkPolicy {
    static let name = "vllm"

    static func object(_ context: RenderContext) -> KubeObject {
        let namespaces = context.platform.namespaces
        return KubeObject(
            "networking.k8s.io/v1", "NetworkPolicy", name: name, namespace: namespaces.serving.value, labels: context.commonLabels,
            body: [
                "spec": [
                    "podSelector": ["matchLabels": [Conventions.nameLabel: "vllm"]],
                    "policyTypes": ["Ingress", "Egress"],
                    "ingress": [
                        [
                            "from": [
                                NetworkPeer.pods(Conventions.litellmAppLabel, inNamespace: namespaces.litellm.value),
                                NetworkPeer.pods(Conventions.prometheusAppLabel, inNamespace: Conventions.monitoringNamespace),
                            ],
                            "ports": [["protocol": "TCP", "port": .int(Conventions.vllmPort)]],
                        ]
                    ],
                    "egress": [],
                ]
            ],
            sources: [context.platformSource])
    }
}
