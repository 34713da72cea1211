/// Voluntary disruptions (node drains, upgrades) evict at most one replica at a time.
///
/// `maxUnavailable: 1`, not `minAvailable`: with a warm floor of 1, `minAvailable: 1` would block
/// every drain forever; one-at-a-time still keeps larger floors serving. `AlwaysAllow` lets a
/// drain evict a pod that is not Ready anyway (cold, crash-looping), which could otherwise stall.
enum ServingDisruptionBudget {
    static func object(_ serving: ServingModel) -> KubeObject {
        serving.object(
            "policy/v1", "PodDisruptionBudget",
            body: [
                "spec": [
                    "maxUnavailable": 1,
                    "selector": ["matchLabels": .sortedMap(serving.selector)],
                    "unhealthyPodEvictionPolicy": "AlwaysAllow",
                ]
            ])
    }
}
