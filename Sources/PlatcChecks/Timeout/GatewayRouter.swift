import PlatcFacts
import PlatcSpec

/// gateway > (retries + 1) × router timeout + LiteLLM's longest backoff. Reported at the gateway.
public enum GatewayRouter: CheckRule {
    public static let rule = Rule(
        id: "timeout/gateway-router",
        summary: "The gateway deadline must be strictly longer than the router's worst case: attempts × router timeout + backoff.",
        rationale:
            "LiteLLM's timeout is per attempt and it sleeps between retries; a gateway deadline shorter than all of that "
            + "cuts off the router's last attempts, so retries cost GPU time and can never reach the client.",
        example: """
            platform/lab.yaml
            timeouts:
              gateway: 200s
              router:
                timeout: 120s
                retries: 1
            """,
        fix: "Raise `timeouts.gateway` (and the client above it), or lower `router.timeout` or `router.retries`, as the hint proposes.")

    public static func check(_ context: inout CheckContext) {
        check(context.spec.platform.timeouts, context.facts.ladder, into: &context.diagnostics)
    }

    private static func check(_ timeouts: Platform.Timeouts, _ ladder: TimeoutLadder, into diagnostics: inout DiagnosticCollector) {
        guard !ladder.gatewayCoversRouter else { return }
        var notes = [
            Diagnostic.Note("the router waits up to \(spoken(ladder.routerTimeout)) per attempt", at: timeouts.router.timeout.span)
        ]
        if ladder.retries > 0 {
            notes.append(Diagnostic.Note(retriesNote(ladder), at: timeouts.router.retries.span))
        }
        diagnostics.error(
            Self.rule, message(ladder), at: timeouts.gateway.span, notes: notes, hint: NestingProposal(ladder).hint)
    }

    // MARK: - Messages

    static func message(_ ladder: TimeoutLadder) -> String {
        let worstCase =
            "the router's worst case \(spoken(ladder.routerWorstCase)) (\(ladder.routerAttempts) × \(spoken(ladder.routerTimeout))"
            + (ladder.routerBackoff > 0 ? " + \(spoken(ladder.routerBackoff)) backoff)" : ")")
        if ladder.gateway == 0 {
            return "gateway deadline 0s means none (Gateway API reads 0s as no timeout), so nothing bounds \(worstCase)"
        }
        return "gateway deadline \(spoken(ladder.gateway)) does not cover \(worstCase): "
            + "the gateway would cut off attempts the router still runs"
    }

    static func retriesNote(_ ladder: TimeoutLadder) -> String {
        "\(ladder.retries) \(ladder.retries == 1 ? "retry makes" : "retries make") \(ladder.routerAttempts) attempts; "
            + "LiteLLM pauses \(ladder.retries + 1) times, \(spoken(ladder.routerBackoff)) at most "
            + "(retryBackoff \(spoken(ladder.retryBackoff)), exponential from 500 ms up to 8 s, + 750 ms jitter each)"
    }
}
