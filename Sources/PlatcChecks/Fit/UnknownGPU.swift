import PlatcFacts
import PlatcSpec

public enum UnknownGPU: CheckRule {
    public static let rule = Rule(
        id: "fit/unknown-gpu",
        summary: "A GPU class's product is not in platc's table of visible memory and the class gives no visibleMemory.",
        rationale:
            "vLLM budgets a share of the memory CUDA reports, which is less than the label (an H100 80GB shows 79.18 GiB); guessing it wrongly hides OOMs.",
        example: """
            platform/gpu-classes/mi300.yaml
            product: AMD-MI300X
            memory: 192Gi
            """,
        fix: "Add visibleMemory with what `nvidia-smi --query-gpu=memory.total` or vLLM's log reports (in GiB).")

    public static func check(_ context: inout CheckContext) {
        for gpuClass in context.spec.gpuClasses { check(gpuClass, &context) }
    }

    private static func check(_ gpuClass: GPUClass, _ context: inout CheckContext) {
        guard ModelFit.visibleGiB(gpuClass) == nil else { return }
        let known = Set(GPUProduct.table.map(\.family)).sorted().joined(separator: ", ")
        context.diagnostics.error(
            Self.rule,
            "GPU product '\(gpuClass.product.value)' of class '\(gpuClass.name.value)' is not in platc's table of visible memory",
            at: gpuClass.product.span,
            hint: Diagnostic.noSingleValue(
                "add `visibleMemory` with the memory CUDA reports per GPU (e.g. 79.18Gi for an H100 80GB); platc knows \(known)"))
    }
}
