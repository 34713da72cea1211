import PlatcFacts
import PlatcSpec

/// A model's route on the inference Gateway: requests under the model's path prefix (LiteLLM's
/// `api_base` for the model's entries) go to its InferencePool, the prefix stripped so vLLM sees
/// `/v1/…`. One prefix per model and no catch-all, so a request names exactly one pool or gets the
/// gateway's 404; a caller cannot change the path LiteLLM calls. The route's deadline is the
/// ladder's inference-gateway rung: under LiteLLM's per-attempt timeout, above the engine's budget.
enum InferenceRoute {
    static func object(_ serving: ServingModel, _ routing: InferenceRouting, ladder: TimeoutLadder) -> KubeObject {
        serving.object(
            "gateway.networking.k8s.io/v1", "HTTPRoute",
            body: [
                "spec": [
                    "parentRefs": [
                        [
                            "group": "gateway.networking.k8s.io", "kind": "Gateway", "namespace": .string(routing.namespace),
                            "name": .string(routing.gatewayName), "sectionName": .string(InferenceRouting.listenerName),
                        ]
                    ],
                    "rules": [
                        [
                            // Defaults written out (the backend's weight) so Argo CD sees no drift
                            // against what the API server stores. PathPrefix matches whole path
                            // segments: `/chat` does not match `/chat-epp/…`.
                            "matches": [
                                ["path": ["type": "PathPrefix", "value": .string(InferenceRouting.pathPrefix(model: serving.name))]]
                            ],
                            // `/<model>/v1/chat/completions` → `/v1/chat/completions` (GEP-726).
                            "filters": [
                                [
                                    "type": "URLRewrite",
                                    "urlRewrite": ["path": ["type": "ReplacePrefixMatch", "replacePrefixMatch": "/"]],
                                ]
                            ],
                            "backendRefs": [
                                [
                                    "group": "inference.networking.k8s.io", "kind": "InferencePool", "name": .string(serving.name),
                                    "weight": 1,
                                ]
                            ],
                            "timeouts": [
                                "request": .string(
                                    EdgeRoute.gatewayDuration(PlatcSpec.Duration(milliseconds: ladder.inferenceGateway ?? 0)))
                            ],
                        ]
                    ],
                ]
            ])
    }
}
