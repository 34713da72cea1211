import PlatcFacts
import PlatcSpec

/// router timeout > engine > 0. Reported at the router timeout; a 0s engine at the engine.
public enum RouterEngine: CheckRule {
    public static let rule = Rule(
        id: "timeout/router-engine",
        summary: "The router's per-attempt timeout must be strictly longer than the engine timeout, and the engine timeout above 0s.",
        rationale:
            "When the router gives up first, vLLM keeps generating for a request nobody waits for, and the router's retry "
            + "adds a second generation on top: load grows exactly when the engine is slow. A 0s engine timeout leaves no time at all.",
        example: """
            platform/lab.yaml
            timeouts:
              router:
                timeout: 100s
              engine: 110s
            """,
        fix: "Raise `router.timeout` above `engine` (then the gateway and client above it), or lower `engine`, as the hint proposes.")

    public static func check(_ context: inout CheckContext) {
        check(context.spec.platform.timeouts, context.facts.ladder, into: &context.diagnostics)
    }

    private static func check(_ timeouts: Platform.Timeouts, _ ladder: TimeoutLadder, into diagnostics: inout DiagnosticCollector) {
        if !ladder.engineLeavesTime {
            diagnostics.error(Self.rule, zeroMessage, at: timeouts.engine.span, hint: NestingProposal(ladder).hint)
        } else if !ladder.routerCoversEngine {
            diagnostics.error(
                Self.rule, message(ladder), at: timeouts.router.timeout.span,
                notes: [Diagnostic.Note("the engine may run a request for \(spoken(ladder.engine))", at: timeouts.engine.span)],
                hint: NestingProposal(ladder).hint)
        }
    }

    // MARK: - Messages

    static let zeroMessage = "engine timeout 0s leaves vLLM no time to answer any request"

    static func message(_ ladder: TimeoutLadder) -> String {
        "router timeout \(spoken(ladder.routerTimeout)) per attempt is not longer than the engine timeout \(spoken(ladder.engine)): "
            + "the router would abandon, and retry, requests vLLM is still running"
    }
}
