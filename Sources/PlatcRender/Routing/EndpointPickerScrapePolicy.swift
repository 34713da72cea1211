import PlatcFacts

/// A model's vLLM pods admit their own endpoint picker on port 8000, where it reads `/metrics`
/// (EPP §3). One policy per model, not a peer of the shared `vllm` policy: vLLM 0.11.0 serves
/// `/invocations` on that port without a key, so a picker admitted to every model could run any
/// of them; this way each reaches only the pods it picks among (NetworkPolicies add up).
enum EndpointPickerScrapePolicy {
    static func object(_ serving: ServingModel) -> KubeObject {
        EndpointPicker.object(
            "networking.k8s.io/v1", "NetworkPolicy", of: serving,
            body: [
                "spec": [
                    "podSelector": ["matchLabels": .sortedMap(serving.selector)],
                    "policyTypes": ["Ingress"],
                    "ingress": [
                        [
                            "from": [
                                [
                                    "podSelector": ["matchLabels": .sortedMap(PodSelectors.endpointPicker(serving.name))]
                                ]
                            ],
                            "ports": [["protocol": "TCP", "port": .int(Conventions.vllmPort)]],
                        ]
                    ],
                ]
            ])
    }
}
