import PlatcFacts
import PlatcSpec

public enum LowConcurrency: CheckRule {
    public static let rule = Rule(
        id: "fit/low-concurrency", severity: .warning,
        summary: "The KV cache holds fewer full-length requests than maxNumSeqs admits at once.",
        rationale:
            "vLLM admits up to maxNumSeqs sequences but preempts (recomputes) them when the cache runs out; sized for fewer full-length requests, long prompts under load stall.",
        example: """
            models/llama.yaml
            serving: {maxModelLen: 131072, maxNumSeqs: 256}
            """,
        fix: "Lower maxNumSeqs to what the cache holds, shorten maxModelLen, or give the model more memory (TP, fp8 KV, larger GPU).")

    public static func check(_ context: inout CheckContext) {
        for fit in SizedModels.fits(context.facts) { check(fit, &context) }
    }

    private static func check(_ fit: ModelFit, _ context: inout CheckContext) {
        let e = fit.estimate, seqs = fit.model.serving.maxNumSeqs
        guard e.fits, e.maxConcurrency < Double(seqs.value) else { return }
        let holds = Int(e.maxConcurrency.rounded(.down))
        let shorter = e.kvTokens / max(1, Int(seqs.value)) / e.blockSize * e.blockSize
        var hint = "maxNumSeqs: \(max(1, holds)) matches the cache"
        if shorter > 0 { hint += ", or maxModelLen: \(shorter) lets \(seqs.value) full-length requests fit" }
        context.diagnostics.warning(
            Self.rule,
            "'\(fit.model.name.value)' holds \(e.concurrency) requests of \(fit.inputs.maxModelLen) tokens in its \(e.kvCache) GiB KV cache, fewer than maxNumSeqs \(seqs.value)",
            at: seqs.span, hint: hint)
    }
}
