import PlatcFacts
import PlatcSpec

/// gateway attempts × router attempts ≤ 3. Reported at the router's retries.
public enum RetryAmplification: CheckRule {
    public static let rule = Rule(
        id: "timeout/retry-amplification", severity: .warning,
        summary:
            "One client request may reach vLLM at most \(RetryAmplification.maximumAttempts) times: "
            + "gateway attempts × router attempts ≤ \(RetryAmplification.maximumAttempts).",
        rationale:
            "Retries multiply across layers and fire when the engine is already overloaded; each attempt can be a whole "
            + "generation on a GPU. Three attempts is LiteLLM's own default and the per-request budget the Google SRE book uses.",
        example: """
            platform/lab.yaml
            timeouts:
              router:
                retries: 3
            """,
        fix: "Lower `router.retries` so that gateway attempts × (retries + 1) ≤ \(RetryAmplification.maximumAttempts).")

    /// docs/checks-timeout.md explains the number.
    static let maximumAttempts: Int64 = 3

    public static func check(_ context: inout CheckContext) {
        check(context.spec.platform.timeouts, context.facts.ladder, into: &context.diagnostics)
    }

    private static func check(_ timeouts: Platform.Timeouts, _ ladder: TimeoutLadder, into diagnostics: inout DiagnosticCollector) {
        guard ladder.amplification > maximumAttempts else { return }
        diagnostics.warning(
            Self.rule, message(ladder), at: timeouts.router.retries.span, notes: [Diagnostic.Note(gatewayNote)],
            hint: hint(ladder))
    }

    /// The most router retries that fit the bound with the gateway's attempts.
    static func allowedRetries() -> Int64 { maximumAttempts / TimeoutLadder.gatewayAttempts - 1 }

    // MARK: - Messages

    static func message(_ ladder: TimeoutLadder) -> String {
        "one request can reach vLLM \(ladder.amplification) times (gateway \(TimeoutLadder.gatewayAttempts) × router "
            + "\(ladder.routerAttempts) attempts), more than the \(maximumAttempts) the platform allows"
    }

    static let gatewayNote = "the gateway sends each request once: platc renders no HTTPRoute retry"

    static func hint(_ ladder: TimeoutLadder) -> String {
        let retries = allowedRetries()
        return "router.retries: \(retries) (\(retries + 1) attempts); fewer attempts also shorten the router's worst case"
    }
}
