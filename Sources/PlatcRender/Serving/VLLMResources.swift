import PlatcFacts

/// The vLLM container's resources: `PodResources` (derived, or `serving.resources`), requests
/// equal to limits, so the pod is in the Guaranteed QoS class: the last the kubelet evicts under
/// node pressure, and eligible for exclusive cores under the static CPU manager.
enum VLLMResources {
    static func of(_ serving: ServingModel) -> PodResources { serving.facts.pod }

    static func yaml(_ size: PodResources) -> YAMLValue {
        let amounts: YAMLValue = [
            "cpu": .string(size.cpuText), "memory": .string(size.memoryText), "nvidia.com/gpu": .string("\(size.gpus)"),
        ]
        return ["requests": amounts, "limits": amounts]
    }
}
