import PlatcSpec

/// The request path's deadlines in exact milliseconds, outermost first, and what they must satisfy
/// to nest: client > gateway > router worst case, router timeout > engine > 0, and a stream
/// timeout in (0, router timeout]. docs/checks-timeout.md derives each inequality.
public struct TimeoutLadder: Equatable, Sendable {
    public var client: Int64
    public var gateway: Int64
    public var routerTimeout: Int64
    /// nil when unset: LiteLLM then uses the router timeout for streams too.
    public var streamTimeout: Int64?
    public var retries: Int64
    public var retryBackoff: Int64
    public var engine: Int64

    public init(_ timeouts: Platform.Timeouts) {
        client = timeouts.client.value.milliseconds
        gateway = timeouts.gateway.value.milliseconds
        routerTimeout = timeouts.router.timeout.value.milliseconds
        streamTimeout = timeouts.router.streamTimeout?.value.milliseconds
        retries = timeouts.router.retries.value
        retryBackoff = timeouts.router.retryBackoff.value.milliseconds
        engine = timeouts.engine.value.milliseconds
    }

    // MARK: - Attempts

    /// The gateway sends each request once: the language has no gateway retries and platc renders
    /// none (docs/checks-timeout.md, "Why the gateway does not retry").
    public static let gatewayAttempts: Int64 = 1

    public var routerAttempts: Int64 { retries + 1 }

    /// Attempts that can reach vLLM for one client request: the product over the layers.
    public var amplification: Int64 { Self.gatewayAttempts * routerAttempts }

    // MARK: - Worst cases

    /// The longest LiteLLM sleeps between (and after) its attempts.
    public var routerBackoff: Int64 { LiteLLMBackoff.longest(retries: retries, retryBackoff: retryBackoff) }

    /// The longest the router can hold a request: every attempt runs to its timeout, every pause
    /// to its longest. A stream's worst case is never longer (see `streamFitsRouter`).
    public var routerWorstCase: Int64 { routerAttempts * routerTimeout + routerBackoff }

    // MARK: - The inequalities

    public var clientCoversGateway: Bool { client > gateway }
    public var gatewayCoversRouter: Bool { gateway > routerWorstCase }
    public var routerCoversEngine: Bool { routerTimeout > engine }
    public var engineLeavesTime: Bool { engine > 0 }
    /// With the stream timeout at most the router timeout, attempts × stream timeout + backoff is
    /// at most the router's worst case, so the gateway covers streams whenever it covers the router.
    public var streamFitsRouter: Bool { streamTimeout.map { $0 > 0 && $0 <= routerTimeout } ?? true }

    public var nests: Bool {
        clientCoversGateway && gatewayCoversRouter && routerCoversEngine && engineLeavesTime && streamFitsRouter
    }
}

/// A duration in milliseconds as the sources spell it (`1m30s`, `1500ms`): for hints a user pastes.
public func spelled(_ milliseconds: Int64) -> String { PlatcSpec.Duration(milliseconds: milliseconds).description }

/// A duration in milliseconds as a person reads it (`1 m 30 s`, `1.5 s`): for prose.
public func spoken(_ milliseconds: Int64) -> String { PlatcSpec.Duration(milliseconds: milliseconds).spoken }
