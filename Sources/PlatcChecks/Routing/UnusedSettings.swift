import PlatcFacts
import PlatcSpec

/// Inference-gateway settings written in direct mode do nothing. Reported at each.
public enum UnusedSettings: CheckRule {
    public static let rule = Rule(
        id: "routing/unused-settings", severity: .warning,
        summary: "In direct mode, `routing.inferenceGateway`, `routing.endpointPicker` and `timeouts.inferenceGateway` have no effect.",
        rationale:
            "They configure the inference Gateway and its endpoint pickers, which platc renders only with `routing.mode: "
            + "inference-gateway`. Written in direct mode they look like a working setting and are silently ignored.",
        example: """
            platform/lab.yaml
            routing:
              endpointPicker:
                image: registry.example.com/llm-d/llm-d-router-endpoint-picker@sha256:…
            """,
        fix: "Set `routing.mode: inference-gateway`, or remove the settings.")

    public static func check(_ context: inout CheckContext) {
        let platform = context.spec.platform
        guard context.facts.inferenceRouting == nil else { return }
        var unused: [(String, SourceSpan)] = []
        if platform.routing.inferenceGateway.isWritten {
            unused.append(("routing.inferenceGateway", platform.routing.inferenceGateway.span))
        }
        if platform.routing.endpointPicker.isWritten { unused.append(("routing.endpointPicker", platform.routing.endpointPicker.span)) }
        if let rung = platform.timeouts.inferenceGateway { unused.append(("timeouts.inferenceGateway", rung.span)) }
        for (field, span) in unused {
            context.diagnostics.warning(
                Self.rule, "\(field) has no effect: routing.mode is direct, so platc renders no inference Gateway", at: span,
                hint: "remove \(field), or set routing: {mode: inference-gateway}")
        }
    }
}
