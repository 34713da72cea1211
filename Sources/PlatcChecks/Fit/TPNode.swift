import PlatcFacts
import PlatcSpec

public enum TPNode: CheckRule {
    public static let rule = Rule(
        id: "fit/tp-node",
        summary: "tensorParallel exceeds the GPUs per node of the model's GPU class.",
        rationale:
            "Tensor parallelism needs all ranks on one node (NVLink); a pod asking for more GPUs than a node has stays Pending forever.",
        example: """
            models/llama-70b.yaml
            serving: {gpuClass: l4, tensorParallel: 4}   # l4 nodes have 2 GPUs
            """,
        fix: "Lower tensorParallel to at most gpusPerNode, or move the model to a GPU class with larger nodes.")

    public static func check(_ context: inout CheckContext) {
        for (facts, gpuClass) in SizedModels.placed(context.facts) where exceedsNode(facts.model, gpuClass) {
            let model = facts.model
            let tp = model.serving.tensorParallel
            context.diagnostics.error(
                Self.rule,
                "'\(model.name.value)' asks for tensorParallel \(tp.value), but GPU class '\(gpuClass.name.value)' has gpusPerNode \(gpuClass.gpusPerNode.value)",
                at: tp.span, notes: [Diagnostic.Note("gpusPerNode is declared here", at: gpuClass.gpusPerNode.span)],
                hint: "tensorParallel: \(gpuClass.gpusPerNode.value) or less, or a GPU class with at least \(tp.value) GPUs per node")
        }
    }

    /// Whether the model asks for more GPUs per replica than a node of its class has.
    static func exceedsNode(_ model: Model, _ gpuClass: GPUClass) -> Bool {
        model.serving.tensorParallel.value > gpuClass.gpusPerNode.value
    }
}
