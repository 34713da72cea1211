import PlatcSpec

/// The gateway's route to the model: requests whose `model` (copied by body-based routing into
/// the X-Gateway-Model-Name header) is the served name or one of the model's LoRA adapters go to
/// the model's InferencePool. It lives in the pool's namespace: agentgateway ignores
/// ReferenceGrants for cross-namespace pools.
enum ServingRoute {
    static func object(_ serving: ServingModel) -> KubeObject {
        let platform = serving.context.platform
        let matches: [YAMLValue] = serving.requestModelNames.map { name in
            [
                // The match's default path, written out so Argo CD sees no drift.
                "path": ["type": "PathPrefix", "value": "/"],
                "headers": [["type": "Exact", "name": .string(Conventions.modelNameHeader), "value": .string(name)]],
            ]
        }
        return serving.object(
            "gateway.networking.k8s.io/v1", "HTTPRoute",
            body: [
                "spec": [
                    "parentRefs": [
                        [
                            "group": "gateway.networking.k8s.io", "kind": "Gateway",
                            "namespace": .string(platform.namespaces.gateway.value), "name": .string(platform.gateway.name.value),
                        ]
                    ],
                    "rules": [
                        [
                            "matches": .list(matches),
                            "backendRefs": [
                                [
                                    "group": "inference.networking.k8s.io", "kind": "InferencePool",
                                    "name": .string(serving.poolName), "weight": 1,
                                ]
                            ],
                            // The gateway holds the hard deadline (a client can raise LiteLLM's); no
                            // retry here: LiteLLM owns retries, inside this budget.
                            "timeouts": ["request": .string(gatewayDuration(platform.timeouts.gateway.value))],
                        ]
                    ],
                ]
            ])
    }

    /// Gateway API duration (GEP-2257, `^([0-9]{1,5}(h|m|s|ms)){1,4}$`): platc's shortest spelling,
    /// e.g. `5m`, `1m30s`, `1500ms` → `1s500ms`.
    static func gatewayDuration(_ duration: PlatcSpec.Duration) -> String { duration.description }
}
