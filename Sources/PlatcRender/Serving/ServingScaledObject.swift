/// KEDA scales the model between its warm floor and max on vLLM's queue: requests waiting for a
/// slot mean the running replicas' batches are full. Only when max > min.
enum ServingScaledObject {
    /// Waiting requests per replica (KEDA's AverageValue) above which KEDA adds a replica.
    static let waitingPerReplica = 5

    static func query(_ serving: ServingModel) -> String {
        "sum(vllm:num_requests_waiting{namespace=\"\(serving.namespace)\",\(ServingPodMonitor.modelSeriesLabel)=\"\(serving.name)\"})"
    }

    static func object(_ serving: ServingModel) -> KubeObject? {
        guard serving.isAutoscaled else { return nil }
        let replicas = serving.model.serving.replicas
        return serving.object(
            "keda.sh/v1alpha1", "ScaledObject",
            body: [
                "spec": [
                    "scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": .string(serving.deploymentName)],
                    "minReplicaCount": .int(replicas.min.value),
                    "maxReplicaCount": .int(replicas.max.value),
                    "pollingInterval": 15,
                    "advanced": [
                        "horizontalPodAutoscalerConfig": [
                            "behavior": [
                                // Up: at most one replica a minute; each new one is a cold start
                                // of minutes, so more at once mostly overshoots.
                                "scaleUp": [
                                    "stabilizationWindowSeconds": 60,
                                    "policies": [["type": "Pods", "value": 1, "periodSeconds": 60]],
                                ],
                                // Down: only after 15 quiet minutes, one replica per 10 minutes;
                                // removing a warm replica is cheap, getting it back is not.
                                "scaleDown": [
                                    "stabilizationWindowSeconds": 900,
                                    "policies": [["type": "Pods", "value": 1, "periodSeconds": 600]],
                                ],
                            ]
                        ]
                    ],
                    "triggers": [
                        [
                            "type": "prometheus",
                            "metricType": "AverageValue",
                            "metadata": [
                                "serverAddress": .string(Conventions.prometheusServerAddress),
                                "query": .string(query(serving)),
                                "threshold": .string("\(waitingPerReplica)"),
                            ],
                        ]
                    ],
                ]
            ])
    }
}
