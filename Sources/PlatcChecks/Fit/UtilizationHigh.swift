import Foundation
import PlatcFacts
import PlatcSpec

public enum UtilizationHigh: CheckRule {
    public static let rule = Rule(
        id: "fit/utilization-high", severity: .warning,
        summary: "gpuMemoryUtilization leaves less than 3.5 GiB of the GPU outside vLLM's budget.",
        rationale:
            "CUDA graphs (before vLLM 0.21), NCCL and allocator fragmentation live outside the budget; the seed platform saw start-up OOMs above 0.8 on a 24 GB L4 (2.2 GiB headroom at 0.9).",
        example: """
            models/small.yaml
            serving: {gpuClass: l4, gpuMemoryUtilization: 0.9}
            """,
        fix: "Lower gpuMemoryUtilization to the ceiling in the hint (0.84 on an L4, 0.95 on an H100 80GB).")

    /// Headroom platc asks for outside the budget: 0.8 on an L4 (4.4 GiB) worked, 0.9 (2.2) did not.
    static let minimumHeadroomGiB = 3.5

    static func utilizationCeiling(visibleGiB: Double) -> Double {
        ((1 - minimumHeadroomGiB / visibleGiB) * 100).rounded(.down) / 100
    }

    public static func check(_ context: inout CheckContext) {
        for fit in SizedModels.fits(context.facts) { check(fit, &context) }
    }

    private static func check(_ fit: ModelFit, _ context: inout CheckContext) {
        let utilization = fit.model.serving.gpuMemoryUtilization
        let visible = fit.estimate.visibleGiB
        let headroom = visible * (1 - utilization.value.value)
        guard headroom < minimumHeadroomGiB else { return }
        let ceiling = utilizationCeiling(visibleGiB: visible)
        context.diagnostics.warning(
            Self.rule,
            "gpuMemoryUtilization \(utilization.value) of '\(fit.model.name.value)' leaves \(gib(headroom)) GiB of the \(gib(visible)) GiB on '\(fit.gpuClass.name.value)' outside vLLM's budget; platc asks for \(minimumHeadroomGiB) GiB",
            at: utilization.span, hint: ceiling > 0 ? "gpuMemoryUtilization: \(Figures.fixed(ceiling, places: 2))" : nil)
    }

    /// GiB as every surface prints them (`FitEstimate.gib`).
    private static func gib(_ value: Double) -> String { FitEstimate.gib(value).description }
}
