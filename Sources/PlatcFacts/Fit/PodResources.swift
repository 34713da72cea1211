import PlatcSpec

/// CPU and memory of one vLLM replica: derived from the model, or `serving.resources` where
/// written. Requests equal limits (GPUs included), so the pod is in the Guaranteed QoS class.
/// Derived once here: the Deployment prints it, `fit/node-resources` packs it onto nodes and the
/// catalog shows it (docs/node-sizing.md).
public struct PodResources: Sendable, Equatable {
    public var cpuMillis: Int64
    public var memoryBytes: Int64
    public var gpus: Int64
    /// Below these vLLM starves or is OOM-killed: one core per busy process, and the processes'
    /// own memory (the staged shard is page cache the kernel can reclaim, loading slower). The
    /// hints never suggest less.
    public var minimumCPUMillis: Int64
    public var minimumMemoryBytes: Int64

    public static let gibibyte: Int64 = 1 << 30
    static let mebibyte: Int64 = 1 << 20

    /// The /dev/shm emptyDir's size limit (memory-backed, charged to the container only as
    /// written): NCCL's buffers between TP ranks, and at least 2 GiB for PyTorch's shared tensors.
    public static func sharedMemoryGiB(tensorParallel: Int64) -> Int64 { max(2, 2 * tensorParallel) }

    /// The size platc derives, whatever the node (docs/node-sizing.md § The derived size; the
    /// sources are in docs/research/node-sizing-notes.md):
    /// - cpu: 2 + TP cores: one for the API server, one for the engine core's busy loop and one
    ///   per GPU worker (vLLM's own floor, "2 + N physical cores"); at TP 1 the engine core runs
    ///   the model itself, which leaves one core for tokenising.
    /// - memory, GiB rounded up: 3 for the API server and 3 per GPU for the process that drives it
    ///   (Python, torch, CUDA and NCCL host state; assumed, no upstream figure), 0.5 per GPU of
    ///   /dev/shm written between TP ranks, and one safetensors shard (≤ 5 GiB) mapped while it
    ///   loads: vLLM 0.11's default lazy loader maps one shard file at a time and copies tensor by
    ///   tensor to the GPU; the mapped pages are page cache charged to the pod.
    public static func derived(_ model: Model, fit: ModelFit?) -> PodResources {
        let tp = model.serving.tensorParallel.value
        let checkpointGiB = fit.map { $0.estimate.weightsGiB * Double(tp) } ?? 0
        let processesGiB = 3 + 3 * Double(tp) + (tp > 1 ? 0.5 * Double(tp) : 0)
        let stagingGiB = min(checkpointGiB, maxShardGiB)
        return PodResources(
            cpuMillis: (2 + tp) * 1000, memoryBytes: Int64((processesGiB + stagingGiB).rounded(.up)) * gibibyte, gpus: tp,
            minimumCPUMillis: (tp == 1 ? 2 : 2 + tp) * 1000, minimumMemoryBytes: Int64(processesGiB.rounded(.up)) * gibibyte)
    }

    /// Hugging Face's default `max_shard_size` for `save_pretrained` (5GB) in GiB, rounded up: the
    /// largest shard a checkpoint usually has.
    static let maxShardGiB = 5.0

    /// The replica's size: `serving.resources` where written, else derived.
    public static func of(_ model: Model, fit: ModelFit?) -> PodResources {
        var size = derived(model, fit: fit)
        if let cpu = model.serving.resources?.cpu { size.cpuMillis = cpu.value.milliValue }
        if let memory = model.serving.resources?.memory { size.memoryBytes = memory.value.milliValue / 1000 }
        return size
    }

    /// "4" or "3500m": whole cores as cores, as Kubernetes prints them.
    public var cpuText: String { Self.cpuText(cpuMillis) }
    /// "20Gi", "12800Mi" or bytes: the largest binary unit that divides it.
    public var memoryText: String { Self.memoryText(memoryBytes) }

    public static func cpuText(_ millis: Int64) -> String { millis % 1000 == 0 ? "\(millis / 1000)" : "\(millis)m" }

    public static func memoryText(_ bytes: Int64) -> String {
        if bytes % gibibyte == 0 { return "\(bytes / gibibyte)Gi" }
        if bytes % mebibyte == 0 { return "\(bytes / mebibyte)Mi" }
        return "\(bytes)"
    }
}
