import PlatcFacts

/// Who may talk to vLLM: port 8000 admits only the request path's last hop — LiteLLM's pods in
/// direct mode, the inference Gateway's data plane (which only LiteLLM may reach) in
/// inference-gateway mode, where each model's endpoint picker is admitted to its own model's pods
/// by a policy of its own (`EndpointPickerScrapePolicy`) — and Prometheus' pods (metrics share
/// the port; docs/request-path.md names what else that exposes). Every request passes
/// LiteLLM's keys, budgets and rate limits. Egress is denied entirely: weights are
/// local, the Hub is off (HF_HUB_OFFLINE) and a compromised model server has nowhere to send
/// data. The kubelet's probes come from the node and are not affected, and the warm-up runs
/// inside the pod.
enum ServingNetworkPolicy {
    static let name = "vllm"

    static func object(_ context: RenderContext) -> KubeObject {
        let namespaces = context.platform.namespaces
        let lastHop =
            context.facts.inferenceRouting.map { [InferenceGateway.dataPlane($0)] }
            ?? [NetworkPeer.pods(Conventions.litellmAppLabel, inNamespace: namespaces.litellm.value)]
        return KubeObject(
            "networking.k8s.io/v1", "NetworkPolicy", name: name, namespace: namespaces.serving.value, labels: context.commonLabels,
            body: [
                "spec": [
                    "podSelector": ["matchLabels": [Conventions.nameLabel: "vllm"]],
                    "policyTypes": ["Ingress", "Egress"],
                    "ingress": [
                        [
                            "from": .list(
                                lastHop + [NetworkPeer.pods(Conventions.prometheusAppLabel, inNamespace: Conventions.monitoringNamespace)]
                            ),
                            "ports": [["protocol": "TCP", "port": .int(Conventions.vllmPort)]],
                        ]
                    ],
                    "egress": [],
                ]
            ],
            sources: [context.platformSource])
    }
}
