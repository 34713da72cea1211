import PlatcFacts
import PlatcSpec

/// client > gateway. Reported at the client: raising it disturbs no other layer.
public enum ClientGateway: CheckRule {
    public static let rule = Rule(
        id: "timeout/client-gateway",
        summary: "The client timeout must be strictly longer than the gateway's request deadline.",
        rationale:
            "The gateway holds the hard deadline (clients can raise LiteLLM's own timeout per request), so it must answer, "
            + "with a result or a 504, before the client gives up; otherwise clients abandon answers the GPUs still compute.",
        example: """
            platform/lab.yaml
            timeouts:
              client: 300s
              gateway: 300s
            """,
        fix: "Raise `timeouts.client` above `timeouts.gateway`, or lower the gateway (and the layers below it) as the hint proposes.")

    public static func check(_ context: inout CheckContext) {
        check(context.spec.platform.timeouts, context.facts.ladder, into: &context.diagnostics)
    }

    private static func check(_ timeouts: Platform.Timeouts, _ ladder: TimeoutLadder, into diagnostics: inout DiagnosticCollector) {
        guard !ladder.clientCoversGateway else { return }
        diagnostics.error(
            Self.rule, message(ladder), at: timeouts.client.span,
            notes: [Diagnostic.Note("the gateway's request deadline is \(spoken(ladder.gateway))", at: timeouts.gateway.span)],
            hint: NestingProposal(ladder).hint)
    }

    // MARK: - Messages

    static func message(_ ladder: TimeoutLadder) -> String {
        "client timeout \(spoken(ladder.client)) is not longer than the gateway deadline \(spoken(ladder.gateway)): "
            + "clients would give up on answers the gateway still delivers"
    }
}
