import PlatcFacts
import PlatcSpec

public enum StrayValue: CheckRule {
    public static let rule = Rule(
        id: "engine/stray-value",
        summary:
            "serving.extraArgs starts with a value instead of a flag, or holds `--`: vLLM would read it, or every argument after it, as a value of platc's flags.",
        rationale:
            "extraArgs follow platc's arguments, the last of which may take several values (`--lora-modules`, and during a key rotation `--api-key`): a leading value would become one more adapter or one more accepted API key. `--` ends vLLM's options, so the arguments after it would be ignored as flags.",
        example: """
            models/llama.yaml
            serving:
              extraArgs: [enable-prefix-caching]
            """,
        fix: "Start extraArgs with a flag (`--enable-prefix-caching`) and remove `--`.")

    public static func check(_ context: inout CheckContext) {
        for model in context.spec.models { check(model, into: &context.diagnostics) }
    }

    private static func check(_ model: Model, into diagnostics: inout DiagnosticCollector) {
        let arguments = model.serving.extraArgs
        if let first = arguments.first, !first.value.hasPrefix("-") || first.value == "-" {
            // A word that reads like a flag without its dashes most likely is one.
            let flagLike = first.value.first?.isLetter == true && first.value.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            diagnostics.error(
                Self.rule,
                "extraArgs of '\(model.name.value)' start with the value '\(first.value)': vLLM would read it as a value of platc's last flag",
                at: first.span,
                hint: Diagnostic.noSingleValue(
                    flagLike ? "write '--\(first.value)' if it is a flag" : "put the flag it belongs to before it, or remove it"))
        }
        for argument in arguments where argument.value == "--" {
            diagnostics.error(
                Self.rule,
                "extraArgs of '\(model.name.value)' hold '--', which ends vLLM's options: every argument after it would be read as a value",
                at: argument.span, hint: "remove '--' from extraArgs")
        }
    }
}
