import PlatcFacts
import PlatcSpec

/// A model's InferencePool (`inference.networking.k8s.io/v1`): its vLLM pods on port 8000, and the
/// endpoint picker that chooses one per request by queue depth, KV-cache use and prefix
/// affinity. `FailOpen`: while the picker restarts (one replica, `Recreate`), the gateway still
/// forwards to a pod of the pool rather than refusing (Inference Extension v1 API).
enum InferencePoolObject {
    static func object(_ serving: ServingModel) -> KubeObject {
        serving.object(
            "inference.networking.k8s.io/v1", "InferencePool",
            body: [
                "spec": [
                    "selector": ["matchLabels": .sortedMap(serving.selector)],
                    "targetPorts": [["number": .int(Conventions.vllmPort)]],
                    "endpointPickerRef": [
                        "group": "", "kind": "Service", "name": .string(InferenceRouting.pickerName(of: serving.name)),
                        "port": ["number": .int(InferenceRouting.extProcPort)], "failureMode": "FailOpen",
                    ],
                ]
            ])
    }
}

/// A model's route on the inference Gateway: requests whose model header (set by LiteLLM's entry)
/// is the model's served name go to its InferencePool. One exact header match and no catch-all, so
/// a request names exactly one pool or gets the gateway's 404. The route's deadline is the ladder's
/// inference-gateway rung: under LiteLLM's per-attempt timeout, above the engine's budget.
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
                            // Defaults written out (path match, header type, backend weight) so Argo CD
                            // sees no drift against what the API server stores.
                            "matches": [
                                [
                                    "path": ["type": "PathPrefix", "value": "/"],
                                    "headers": [
                                        [
                                            "type": "Exact", "name": .string(InferenceRouting.modelHeader),
                                            "value": .string(serving.servedName),
                                        ]
                                    ],
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
