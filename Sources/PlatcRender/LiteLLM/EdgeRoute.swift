import PlatcSpec

/// The edge: the platform Gateway's only route, on `gateway.hostname`, to LiteLLM's Service, where
/// keys, team budgets, rate limits and access groups apply. It lives beside its backend (no
/// ReferenceGrant needed); the Gateway's listener must admit routes from the LiteLLM namespace.
/// No route reaches a model (docs/request-path.md).
enum EdgeRoute {
    static let name = "edge"

    static func object(_ context: RenderContext) -> KubeObject {
        let platform = context.platform
        return KubeObject(
            "gateway.networking.k8s.io/v1", "HTTPRoute", name: name, namespace: platform.namespaces.litellm.value,
            labels: context.commonLabels,
            body: [
                "spec": [
                    "parentRefs": [
                        [
                            "group": "gateway.networking.k8s.io", "kind": "Gateway",
                            "namespace": .string(platform.namespaces.gateway.value), "name": .string(platform.gateway.name.value),
                        ]
                    ],
                    "hostnames": [.string(platform.gateway.hostname.value)],
                    "rules": [
                        [
                            // Defaults written out (the match, the backend's group, kind and weight) so
                            // Argo CD sees no drift against what the API server stores.
                            "matches": [["path": ["type": "PathPrefix", "value": "/"]]],
                            "backendRefs": [
                                [
                                    "group": "", "kind": "Service", "name": .string(platform.litellm.service.name.value),
                                    "port": .int(platform.litellm.service.port.value), "weight": 1,
                                ]
                            ],
                            // The gateway rung: the hard deadline a client cannot raise (LiteLLM's can be
                            // raised per request). No retry here: LiteLLM owns retries, inside this budget.
                            "timeouts": ["request": .string(gatewayDuration(platform.timeouts.gateway.value))],
                        ]
                    ],
                ]
            ],
            sources: [context.platformSource])
    }

    /// Gateway API duration (GEP-2257, `^([0-9]{1,5}(h|m|s|ms)){1,4}$`): platc's shortest spelling,
    /// e.g. `5m`, `1m30s`, `1500ms` → `1s500ms`.
    static func gatewayDuration(_ duration: PlatcSpec.Duration) -> String { duration.description }
}
