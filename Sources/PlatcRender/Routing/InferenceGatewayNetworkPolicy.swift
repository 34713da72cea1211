import PlatcFacts

/// Who may send to the inference Gateway's data plane: LiteLLM's pods, and nobody else, on any
/// port (the container port behind the listener is the implementation's: agentgateway and Istio
/// listen on the listener port, Envoy Gateway maps 80 to 10080). So no tenant, and no pod of the
/// edge, reaches a model without LiteLLM's keys and budgets (docs/request-path.md).
enum InferenceGatewayNetworkPolicy {
    static func object(_ routing: InferenceRouting, _ context: RenderContext) -> KubeObject {
        KubeObject(
            "networking.k8s.io/v1", "NetworkPolicy", name: routing.gatewayName, namespace: routing.namespace,
            labels: InferenceGateway.labels(context),
            body: [
                "spec": [
                    "podSelector": ["matchLabels": .sortedMap([(InferenceGateway.gatewayNameLabel, routing.gatewayName)])],
                    "policyTypes": ["Ingress"],
                    "ingress": [
                        ["from": [NetworkPeer.pods(Conventions.litellmAppLabel, inNamespace: context.platform.namespaces.litellm.value)]]
                    ],
                ]
            ], sources: [context.platformSource])
    }
}
