import PlatcFacts

/// Drains evict the picker (one replica): `maxUnavailable: 1`, as for vLLM. While it is away the
/// pool fails open and the gateway forwards to any pod of the pool.
enum EndpointPickerDisruptionBudget {
    static func object(_ serving: ServingModel) -> KubeObject {
        EndpointPicker.object(
            "policy/v1", "PodDisruptionBudget", of: serving,
            body: [
                "spec": [
                    "maxUnavailable": 1,
                    "selector": ["matchLabels": .sortedMap(PodSelectors.endpointPicker(serving.name))],
                    "unhealthyPodEvictionPolicy": "AlwaysAllow",
                ]
            ])
    }
}
