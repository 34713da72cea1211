import Foundation
import PlatcFacts
import PlatcSpec

public enum DoesNotFit: CheckRule {
    public static let rule = Rule(
        id: "fit/does-not-fit",
        summary: "Not even one request of maxModelLen fits in the KV cache vLLM would have on the model's GPU.",
        rationale:
            "vLLM refuses to start (or the pod OOMs and crash-loops) when weights, activation and one full-length sequence exceed its budget; this is the #1 serving failure.",
        example: """
            models/llama.yaml
            serving: {gpuClass: l4, maxModelLen: 131072}   # an 8B bf16 model on a 24 GB card
            """,
        fix:
            "Follow the hint: a shorter maxModelLen, more tensorParallel, kvCacheDtype: fp8, a quantized checkpoint, or a larger GPU class."
    )

    public static func check(_ context: inout CheckContext) {
        let classes = context.spec.gpuClasses
        for fit in SizedModels.fits(context.facts) where !fit.estimate.fits { report(fit, classes: classes, &context) }
    }

    private static func report(_ fit: ModelFit, classes: [GPUClass], _ context: inout CheckContext) {
        let e = fit.estimate, model = fit.model
        let gpu = "\(fit.gpuClass.name.value) (\(fit.gpuClass.product.value), \(gib(e.visibleGiB)) GiB visible)"
        let spent = "weights \(gib(e.weightsGiB)) + activation \(gib(e.activationGiB)) + non-torch \(gib(e.nonTorchGiB))"
        let message =
            e.kvCacheGiB <= 0
            ? "'\(model.name.value)' does not fit on \(gpu): \(spent) GiB exceed its budget of \(gib(e.budgetGiB)) GiB (\(fit.inputs.utilization) × \(gib(e.visibleGiB))) before any KV cache"
            : "'\(model.name.value)' does not fit on \(gpu): one \(fit.inputs.maxModelLen)-token request needs \(gib(e.kvPerRequestGiB)) GiB of KV cache, but only \(gib(e.kvCacheGiB)) GiB is left of the \(gib(e.budgetGiB)) GiB budget after \(spent) GiB"
        context.diagnostics.error(
            Self.rule, message, at: model.serving.maxModelLen.span,
            notes: [Diagnostic.Note("GPU class '\(fit.gpuClass.name.value)' is declared here", at: fit.gpuClass.name.span)],
            hint: remedies(fit, classes: classes).joined(separator: "; "))
    }

    /// What would fit instead, each checked with the estimator.
    private static func remedies(_ fit: ModelFit, classes: [GPUClass]) -> [String] {
        var found: [String] = []
        let inputs = fit.inputs
        if fit.estimate.maxModelLenThatFits > 0 { found.append("maxModelLen: \(fit.estimate.maxModelLenThatFits) fits") }
        var wider = inputs
        wider.tensorParallel *= 2
        if wider.tensorParallel <= fit.gpuClass.gpusPerNode.value, TPHeads.problem(inputs.architecture, wider.tensorParallel) == nil,
            FitEstimator.fits(wider)
        {
            found.append("tensorParallel: \(wider.tensorParallel) fits")
        }
        if inputs.kvBytes == 2 {
            var fp8 = inputs
            fp8.kvBytes = 1
            if FitEstimator.fits(fp8) { found.append("kvCacheDtype: fp8 fits") }
        }
        if inputs.weightFormat == .bits16 {
            var quantized = inputs
            quantized.weightFormat = .fp8(blockScales: false)
            if FitEstimator.fits(quantized) { found.append("an FP8 checkpoint (quantization: fp8) fits") }
        }
        let larger = fit.alsoFits(on: classes)
        if !larger.isEmpty { found.append("GPU class \(larger.map { "'\($0.name.value)'" }.joined(separator: " or ")) fits") }
        return found.isEmpty ? ["no single change fits: use a smaller or quantized model"] : found
    }

    /// GiB as every surface prints them (`FitEstimate.gib`).
    private static func gib(_ value: Double) -> String { FitEstimate.gib(value).description }
}
