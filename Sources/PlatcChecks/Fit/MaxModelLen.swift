import PlatcFacts
import PlatcSpec

extension Rule {
    public static let fitMaxModelLen = Rule(
        id: "fit/max-model-len",
        summary: "maxModelLen exceeds the context the model's config.json allows.",
        rationale:
            "vLLM refuses a max_model_len above max_position_embeddings (times the rope scaling factor) unless forced, and forcing it produces garbage past the trained length.",
        example: """
            models/qwen.yaml
            serving: {maxModelLen: 65536}   # max_position_embeddings 32768
            """,
        fix: "Lower maxModelLen to the model's context length.")

    static func checkMaxModelLen(_ fit: ModelFit, _ context: inout CheckContext) {
        let limit = fit.inputs.architecture.maxContext, length = fit.model.serving.maxModelLen
        guard limit > 0, length.value > limit else { return }
        context.diagnostics.error(
            .fitMaxModelLen,
            "maxModelLen \(length.value) of '\(fit.model.name.value)' exceeds the \(limit) tokens its config.json allows (max_position_embeddings with rope scaling)",
            at: length.span, hint: "maxModelLen: \(limit)", replacement: "\(limit)")
    }
}
