import PlatcFacts
import PlatcSpec

/// 0 < stream timeout ≤ router timeout. Reported at the stream timeout.
public enum StreamTimeout: CheckRule {
    public static let rule = Rule(
        id: "timeout/stream-timeout",
        summary: "The router's stream timeout must be longer than 0s and no longer than the router timeout.",
        rationale:
            "LiteLLM uses streamTimeout instead of timeout for streams, per attempt, as the wait for the first or next chunk. "
            + "Above the router timeout, stalled streams outlast the per-attempt budget the gateway deadline is sized for; "
            + "at 0s every stream fails before its first chunk.",
        example: """
            platform/lab.yaml
            timeouts:
              router:
                timeout: 120s
                streamTimeout: 180s
            """,
        fix: "Set `router.streamTimeout` between 0s and `router.timeout`, or remove it (streams then use `router.timeout`).")

    public static func check(_ context: inout CheckContext) {
        check(context.spec.platform.timeouts, context.facts.ladder, into: &context.diagnostics)
    }

    private static func check(_ timeouts: Platform.Timeouts, _ ladder: TimeoutLadder, into diagnostics: inout DiagnosticCollector) {
        guard let streamTimeout = timeouts.router.streamTimeout, !ladder.streamFitsRouter else { return }
        if streamTimeout.value.milliseconds == 0 {
            diagnostics.error(Self.rule, zeroMessage, at: streamTimeout.span, hint: NestingProposal(ladder).hint)
        } else {
            diagnostics.error(
                Self.rule, message(ladder), at: streamTimeout.span,
                notes: [
                    Diagnostic.Note("the router timeout is \(spoken(ladder.routerTimeout)) per attempt", at: timeouts.router.timeout.span)
                ],
                hint: NestingProposal(ladder).hint)
        }
    }

    // MARK: - Messages

    static let zeroMessage = "router stream timeout 0s times out every stream before its first chunk"

    static func message(_ ladder: TimeoutLadder) -> String {
        "router stream timeout \(spoken(ladder.streamTimeout ?? 0)) is longer than the router timeout \(spoken(ladder.routerTimeout)): "
            + "a stalled stream would outlast the per-attempt budget the gateway deadline covers"
    }
}
