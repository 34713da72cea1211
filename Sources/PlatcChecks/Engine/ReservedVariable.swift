import PlatcFacts
import PlatcSpec

public enum ReservedVariable: CheckRule {
    public static let rule = Rule(
        id: "engine/reserved-variable",
        summary:
            "An item of serving.env names a variable platc sets in the vLLM container (HOME and the cache folders, HF_HUB_OFFLINE, VLLM_API_KEY, …).",
        rationale:
            "A container has one value per variable and the model's env comes after platc's: `HF_HUB_OFFLINE: \"0\"` would let vLLM try the network the pod may not reach, `HOME` would point its caches at the read-only root, and `VLLM_API_KEY` would replace the platform's key.",
        example: """
            models/llama.yaml
            serving:
              env:
                - {name: HF_HUB_OFFLINE, value: "0"}
            """,
        fix: "Remove the variable from serving.env; the API key is the Platform's serving.apiKeyRef.")

    public static func check(_ context: inout CheckContext) {
        for model in context.spec.models { check(model, into: &context.diagnostics) }
    }

    private static func check(_ model: Model, into diagnostics: inout DiagnosticCollector) {
        for variable in model.serving.env {
            guard let why = EngineVariables.reservation(of: variable.name.value) else { continue }
            diagnostics.error(
                Self.rule,
                "serving.env of '\(model.name.value)' sets \(variable.name.value), which platc sets itself: \(why)",
                at: variable.name.span, hint: "remove \(variable.name.value) from serving.env")
        }
    }
}
