import PlatcFacts
import PlatcSpec

public enum ReservedFlag: CheckRule {
    public static let rule = Rule(
        id: "engine/reserved-flag",
        summary:
            "An item of serving.extraArgs names a vLLM flag platc sets or keeps for itself (in any spelling vLLM accepts: `--flag=value`, `--flag_name`, an abbreviation, a short alias, `--no-flag`).",
        rationale:
            "vLLM keeps the last occurrence of a flag, and extraArgs come after platc's: `--max-model-len 32768` there would silently replace the value platc rendered and proved to fit, and `--port` or `--api-key` would cut the pod off from its Service, probes and LiteLLM.",
        example: """
            models/llama.yaml
            serving:
              maxModelLen: 8192
              extraArgs: [--max-model-len, "32768"]
            """,
        fix:
            "Remove the flag (and its value) from extraArgs and set the platc field the message names; flags platc keeps fixed cannot be set."
    )

    public static func check(_ context: inout CheckContext) {
        for model in context.spec.models { check(model, into: &context.diagnostics) }
    }

    private static func check(_ model: Model, into diagnostics: inout DiagnosticCollector) {
        let arguments = model.serving.extraArgs
        for (index, argument) in arguments.enumerated() {
            guard let reserved = EngineFlags.reservation(of: argument.value) else { continue }
            let written = EngineFlags.written(arguments, at: index, arity: reserved.arity)
            let spelled = argument.value.hasPrefix(reserved.flag) ? "" : " (vLLM reads '\(argument.value)' as \(reserved.flag))"
            switch reserved.instead {
            case .field(let field):
                diagnostics.error(
                    Self.rule,
                    "extraArgs of '\(model.name.value)' set \(reserved.flag)\(spelled), which platc sets from \(field): vLLM keeps the last occurrence, so this one would override it",
                    at: argument.span, hint: "remove '\(written)' from extraArgs and set \(field) instead")
            case .fixed(let why):
                diagnostics.error(
                    Self.rule,
                    "extraArgs of '\(model.name.value)' set \(reserved.flag)\(spelled), which platc keeps fixed: \(why)",
                    at: argument.span, hint: "remove '\(written)' from extraArgs")
            }
        }
    }
}
