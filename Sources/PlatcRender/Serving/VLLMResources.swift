import PlatcChecks

/// CPU and memory of the vLLM container, from the model's size. Requests equal limits (GPUs
/// included), so the pod is in the Guaranteed QoS class: the last the kubelet evicts under node
/// pressure, and eligible for exclusive cores under the static CPU manager.
struct VLLMResources: Equatable {
    var cpu: Int64
    var memoryGiB: Int64
    var gpus: Int64

    /// - cpu: 2 + 2 per GPU — the API server and engine-core processes, plus one worker and
    ///   tokenizer/scheduler headroom per GPU (vLLM recommends at least 2 + TP cores).
    /// - memory: 8 GiB per GPU (Python, CUDA and NCCL host state per worker process), plus
    ///   /dev/shm (tmpfs is charged to the container), plus half the replica's weights (loading
    ///   stages safetensors through host memory; page cache beyond that is reclaimable).
    static func of(_ serving: ServingModel) -> VLLMResources {
        let tp = serving.tensorParallel
        let weightsGiB = serving.fit.map { $0.estimate.weightsGiB * Double(tp) } ?? 0
        let memory = 8 * tp + PodSecurity.sharedMemoryGiB(tensorParallel: tp) + Int64((weightsGiB / 2).rounded(.up))
        return VLLMResources(cpu: 2 + 2 * tp, memoryGiB: memory, gpus: tp)
    }

    var yaml: YAMLValue {
        let amounts: YAMLValue = ["cpu": .string("\(cpu)"), "memory": .string("\(memoryGiB)Gi"), "nvidia.com/gpu": .string("\(gpus)")]
        return ["requests": amounts, "limits": amounts]
    }
}
