import PlatcFacts
import PlatcSpec

/// How the quota rules word a pool's capacity in messages and hints.
extension GPUPool {
    /// "6 GPUs (3 nodes × 2 GPUs per node)", with "× 4 time-slices" when sliced.
    var capacityDescription: String {
        let sliced = slices > 1 ? " × \(slices) time-slices" : ""
        return
            "\(Plural.counted(capacity, "GPU")) (\(Plural.counted(gpuClass.nodes.value, "node")) × \(Plural.counted(gpuClass.gpusPerNode.value, "GPU")) per node\(sliced))"
    }

    /// "nodes: 4 (8 GPUs)": the capacity side of a hint, a value for the class's `nodes`.
    func raiseNodes(toFit gpus: Int64) -> String {
        let nodes = nodesNeeded(for: gpus)
        return "nodes: \(nodes) (\(Plural.counted(nodes * gpusPerNode, "GPU")))"
    }
}
