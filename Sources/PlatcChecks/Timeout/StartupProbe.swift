import Foundation
import PlatcFacts
import PlatcSpec

public enum StartupProbe: CheckRule {
    public static let rule = Rule(
        id: "timeout/startup-probe",
        summary: "serving.startupTimeout is shorter than platc's cold-start estimate for the model's weights.",
        rationale:
            "A startup probe that gives up before vLLM has read its weights and captured its graphs restarts the pod forever (CrashLoopBackOff) exactly when capacity is needed.",
        example: """
            models/llama-70b.yaml
            serving: {startupTimeout: 2m}   # 68 GiB of FP8 weights
            """,
        fix: "Raise startupTimeout to at least the estimate in the hint.")

    /// Reading weights from the modelcar's page cache-cold disk, all ranks of a node together.
    public static let weightReadGiBPerSecond = 0.5
    /// Engine start: profiling, torch.compile and CUDA-graph capture (vLLM V1 logs 30–90 s).
    public static let engineWarmupSeconds = 90.0

    public static func coldStartSeconds(_ estimate: FitEstimate, tensorParallel: Int) -> Double {
        estimate.weightsGiB * Double(tensorParallel) / weightReadGiBPerSecond + engineWarmupSeconds
    }

    /// Every model the fit rules size (`SizedModels`): a model platc cannot size has no estimate to wait for.
    public static func check(_ context: inout CheckContext) {
        for fit in SizedModels.fits(context.facts) { check(fit, &context) }
    }

    private static func check(_ fit: ModelFit, _ context: inout CheckContext) {
        let timeout = fit.model.serving.startupTimeout
        let needed = coldStartSeconds(fit.estimate, tensorParallel: fit.inputs.tensorParallel)
        guard timeout.value.seconds < needed else { return }
        let minutes = Int((needed / 60).rounded(.up))
        context.diagnostics.error(
            Self.rule,
            "startupTimeout \(timeout.value) of '\(fit.model.name.value)' is shorter than its cold start of about \(Int(needed.rounded())) s (\(FitEstimate.gib(fit.estimate.weightsGiB * Double(fit.inputs.tensorParallel))) GiB of weights at \(weightReadGiBPerSecond) GiB/s plus \(Int(engineWarmupSeconds)) s of engine warm-up)",
            at: timeout.span, hint: "startupTimeout: \(minutes)m or more")
    }
}
