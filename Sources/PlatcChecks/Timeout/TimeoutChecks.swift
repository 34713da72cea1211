import PlatcFacts
import PlatcSpec

/// The `timeout/*` family: the request path's deadlines nest, client > gateway > router attempts
/// and backoff > engine > 0, streams within the router timeout, and retries multiplied across the
/// layers stay bounded. Arithmetic and constants: docs/checks-timeout.md.
public enum TimeoutChecks: Check {
    public static let rules: [Rule] = [
        .timeoutClientGateway, .timeoutGatewayRouter, .timeoutRouterEngine, .timeoutStreamTimeout, .timeoutRetryAmplification,
    ]

    public static func run(_ context: inout CheckContext) {
        let timeouts = context.spec.platform.timeouts
        ClientGateway.check(timeouts, context.facts.ladder, into: &context.diagnostics)
        GatewayRouter.check(timeouts, context.facts.ladder, into: &context.diagnostics)
        RouterEngine.check(timeouts, context.facts.ladder, into: &context.diagnostics)
        StreamTimeout.check(timeouts, context.facts.ladder, into: &context.diagnostics)
        RetryAmplification.check(timeouts, context.facts.ladder, into: &context.diagnostics)
    }
}
