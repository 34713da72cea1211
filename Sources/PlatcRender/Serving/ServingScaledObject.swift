import PlatcSpec

/// KEDA scales the model between its warm floor and max (only with `autoscaling: keda`), on two
/// Prometheus triggers; the HPA takes the larger of the replica counts they ask for
/// (docs/research/idle-modes-notes.md):
/// - vLLM's queue: requests waiting for a slot mean the running replicas' batches are full;
/// - optionally KV-cache usage (`keda.kvCacheUsage`): a full cache preempts and re-queues
///   running requests before the queue shows it.
/// Both queries sum over the model's pods and use AverageValue, so the threshold is per replica.
enum ServingScaledObject {
    /// vLLM 0.11's gauges (vllm/v1/metrics/loggers.py): requests waiting, and KV-cache usage
    /// where 1 means full (`vllm:gpu_cache_usage_perc` is its deprecated name).
    static let waitingMetric = "vllm:num_requests_waiting"
    static let kvCacheUsageMetric = "vllm:kv_cache_usage_perc"
    /// Metric reads that fail in a row before KEDA applies `keda.fallbackReplicas`.
    static let fallbackFailureThreshold = 3

    static func query(_ metric: String, _ serving: ServingModel) -> String {
        "sum(\(metric){namespace=\"\(serving.namespace)\",\(ServingPodMonitor.modelSeriesLabel)=\"\(serving.name)\"})"
    }

    static func object(_ serving: ServingModel) -> KubeObject? {
        guard serving.replicas.mode == .keda else { return nil }
        let replicas = serving.replicas
        let keda = serving.model.serving.keda
        let cooldownSeconds = (keda.cooldown.value.milliseconds + 999) / 1000
        var triggers: [YAMLValue] = [trigger(query(waitingMetric, serving), threshold: "\(keda.waitingPerReplica.value)")]
        if let usage = keda.kvCacheUsage?.value {
            triggers.append(trigger(query(kvCacheUsageMetric, serving), threshold: usage.description))
        }
        return serving.object(
            "keda.sh/v1alpha1", "ScaledObject",
            body: [
                "spec": [
                    "scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": .string(serving.deploymentName)],
                    "minReplicaCount": .int(replicas.floor),
                    "maxReplicaCount": .int(replicas.ceiling),
                    "pollingInterval": 15,
                    // KEDA's own cooldown governs only the last step to zero (min 0); the HPA's
                    // scale-down window below governs every other step. Both are the cooldown.
                    "cooldownPeriod": replicas.floor == 0 ? .int(cooldownSeconds) : nil,
                    // While Prometheus cannot be read: at least the fallback, never fewer than run now
                    // (KEDA 2.20 `fallback.behavior: currentReplicasIfHigher`; a blind scale-down mid-outage drops requests).
                    "fallback": keda.fallbackReplicas.map {
                        [
                            "failureThreshold": .int(Int64(fallbackFailureThreshold)), "replicas": .int($0.value),
                            "behavior": "currentReplicasIfHigher",
                        ]
                    },
                    "advanced": [
                        "horizontalPodAutoscalerConfig": [
                            "behavior": [
                                // Up: at most one replica a minute; each new one is a cold start
                                // of minutes, so more at once mostly overshoots.
                                "scaleUp": [
                                    "stabilizationWindowSeconds": 60,
                                    "policies": [["type": "Pods", "value": 1, "periodSeconds": 60]],
                                ],
                                // Down: only after the cooldown of quiet, one replica per 10 minutes;
                                // removing a warm replica is cheap, getting it back is not.
                                "scaleDown": [
                                    "stabilizationWindowSeconds": .int(cooldownSeconds),
                                    "policies": [["type": "Pods", "value": 1, "periodSeconds": 600]],
                                ],
                            ]
                        ]
                    ],
                    "triggers": .list(triggers),
                ]
            ])
    }

    private static func trigger(_ query: String, threshold: String) -> YAMLValue {
        [
            "type": "prometheus",
            "metricType": "AverageValue",
            "metadata": [
                "serverAddress": .string(Conventions.prometheusServerAddress), "query": .string(query), "threshold": .string(threshold),
            ],
        ]
    }
}
