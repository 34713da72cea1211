import PlatcFacts

/// The inference Gateway: where LiteLLM sends model traffic in inference-gateway mode. Its one
/// HTTP listener admits HTTPRoutes only from the serving namespace (where the pools live: agentgateway
/// ignores ReferenceGrants for InferencePool backends) and has no hostname: it is called by its
/// Service's in-cluster name, never from the edge. The gateway implementation (`className`)
/// creates its data plane in its namespace, labelled `gateway.networking.k8s.io/gateway-name`
/// (GEP-1762), which `InferenceGatewayNetworkPolicy` admits only LiteLLM to.
enum InferenceGateway {
    /// The label GEP-1762 requires on everything an implementation generates for a Gateway.
    static let gatewayNameLabel = "gateway.networking.k8s.io/gateway-name"

    static func object(_ routing: InferenceRouting, _ context: RenderContext) -> KubeObject {
        KubeObject(
            "gateway.networking.k8s.io/v1", "Gateway", name: routing.gatewayName, namespace: routing.namespace,
            labels: labels(context),
            body: [
                "spec": [
                    "gatewayClassName": .string(routing.className),
                    "listeners": [
                        [
                            "name": .string(InferenceRouting.listenerName), "port": .int(routing.port), "protocol": "HTTP",
                            "allowedRoutes": [
                                "namespaces": [
                                    "from": "Selector",
                                    "selector": [
                                        "matchLabels": .sortedMap([
                                            ("kubernetes.io/metadata.name", context.platform.namespaces.serving.value)
                                        ])
                                    ],
                                ],
                                "kinds": [["group": "gateway.networking.k8s.io", "kind": "HTTPRoute"]],
                            ],
                        ]
                    ],
                ]
            ], sources: [context.platformSource])
    }

    /// The data plane's pods: the label GEP-1762 puts on them, in the Gateway's namespace.
    static func dataPlane(_ routing: InferenceRouting) -> YAMLValue {
        NetworkPeer.pods((gatewayNameLabel, routing.gatewayName), inNamespace: routing.namespace)
    }

    static func labels(_ context: RenderContext) -> [(String, String)] {
        [(Conventions.componentLabel, "inference-gateway")] + context.commonLabels
    }

    /// Its namespace, when platc owns it: not one the platform already names (serving, LiteLLM,
    /// the edge Gateway's, which the platform team owns). Pod Security `baseline` is enforced, not
    /// `restricted`: the data plane's pods are the implementation's, not platc's, and several
    /// implementations' proxies do not meet `restricted`; audit and warn report what would.
    static func namespace(_ routing: InferenceRouting, _ context: RenderContext) -> KubeObject? {
        let named = context.platform.namespaces
        guard ![named.serving.value, named.litellm.value, named.gateway.value].contains(routing.namespace) else { return nil }
        let security = PodSecurityLabels.restricted(context.platform).map { key, value in
            key == Conventions.podSecurityEnforceLabel ? (key, "baseline") : (key, value)
        }
        return KubeObject(
            "v1", "Namespace", name: routing.namespace, labels: security + labels(context), sources: [context.platformSource])
    }
}
