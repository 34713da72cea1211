import PlatcFacts
import PlatcSpec

extension Rule {
    public static let fitTPHeads = Rule(
        id: "fit/tp-heads",
        summary: "tensorParallel does not divide the model's attention heads (or its KV heads evenly).",
        rationale: "vLLM shards attention by heads and refuses to start when they do not split evenly across the ranks.",
        example: """
            models/llama.yaml
            serving: {tensorParallel: 3}   # 32 attention heads
            """,
        fix: "Use a tensorParallel from the hint's list.")

    public static let fitTPNode = Rule(
        id: "fit/tp-node",
        summary: "tensorParallel exceeds the GPUs per node of the model's GPU class.",
        rationale:
            "Tensor parallelism needs all ranks on one node (NVLink); a pod asking for more GPUs than a node has stays Pending forever.",
        example: """
            models/llama-70b.yaml
            serving: {gpuClass: l4, tensorParallel: 4}   # l4 nodes have 2 GPUs
            """,
        fix: "Lower tensorParallel to at most gpusPerNode, or move the model to a GPU class with larger nodes.")

    /// Why `tp` cannot shard `a`, or nil. KV heads must split evenly, or be replicated evenly.
    static func tensorParallelProblem(_ a: ModelArchitecture, _ tp: Int) -> String? {
        if a.attentionHeads % tp != 0 { return "\(a.attentionHeads) attention heads do not split into \(tp) ranks" }
        if a.mla == nil, a.kvHeads % tp != 0, tp % a.kvHeads != 0 {
            return "\(a.kvHeads) KV heads neither split into nor replicate evenly over \(tp) ranks"
        }
        return nil
    }

    /// Reports and returns false when the model's TP cannot run on its class.
    static func checkTensorParallel(
        _ model: Model, _ gpuClass: GPUClass, _ architecture: ModelArchitecture?, _ context: inout CheckContext
    ) -> Bool {
        let tp = model.serving.tensorParallel
        var fine = true
        if tp.value > gpuClass.gpusPerNode.value {
            context.diagnostics.error(
                .fitTPNode,
                "'\(model.name.value)' asks for tensorParallel \(tp.value), but GPU class '\(gpuClass.name.value)' has gpusPerNode \(gpuClass.gpusPerNode.value)",
                at: tp.span, notes: [Diagnostic.Note("gpusPerNode is declared here", at: gpuClass.gpusPerNode.span)],
                hint: "tensorParallel: \(gpuClass.gpusPerNode.value) or less, or a GPU class with at least \(tp.value) GPUs per node")
            fine = false
        }
        if let architecture, let problem = tensorParallelProblem(architecture, Int(tp.value))
        {
            let valid = (1...max(1, Int(gpuClass.gpusPerNode.value))).filter { tensorParallelProblem(architecture, $0) == nil }
            context.diagnostics.error(
                .fitTPHeads, "tensorParallel \(tp.value) cannot shard '\(model.name.value)': \(problem)", at: tp.span,
                hint: "tensorParallel: one of \(valid.map(String.init).joined(separator: ", "))")
            fine = false
        }
        return fine
    }
}
