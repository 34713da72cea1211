import PlatcFacts
import PlatcSpec

public enum MaxModelLen: CheckRule {
    public static let rule = Rule(
        id: "fit/max-model-len",
        summary: "maxModelLen exceeds the context the model's config.json allows.",
        rationale:
            "vLLM refuses a max_model_len above max_position_embeddings (times the rope scaling factor) unless forced, and forcing it produces garbage past the trained length.",
        example: """
            models/qwen.yaml
            serving: {maxModelLen: 65536}   # max_position_embeddings 32768
            """,
        fix: "Lower maxModelLen to the model's context length.")

    public static func check(_ context: inout CheckContext) {
        for fit in SizedModels.fits(context.facts) { check(fit, &context) }
    }

    private static func check(_ fit: ModelFit, _ context: inout CheckContext) {
        let limit = fit.inputs.architecture.maxContext, length = fit.model.serving.maxModelLen
        guard limit > 0, length.value > limit else { return }
        context.diagnostics.error(
            Self.rule,
            "maxModelLen \(length.value) of '\(fit.model.name.value)' exceeds the \(limit) tokens its config.json allows (max_position_embeddings with rope scaling)",
            at: length.span, hint: "maxModelLen: \(limit)", replacement: "\(limit)")
    }
}
