import PlatcSpec

/// The request path's deadlines in exact milliseconds, outermost first, and what they must satisfy
/// to nest: client > gateway > router worst case, router timeout > inference gateway (in that
/// routing mode) > engine > 0, and a stream timeout in (0, router timeout]. docs/checks-timeout.md
/// derives each inequality.
public struct TimeoutLadder: Equatable, Sendable {
    public var client: Int64
    public var gateway: Int64
    public var routerTimeout: Int64
    /// nil when unset: LiteLLM then uses the router timeout for streams too.
    public var streamTimeout: Int64?
    public var retries: Int64
    public var retryBackoff: Int64
    /// Whether LiteLLM's attempts pass an inference Gateway (`routing.mode: inference-gateway`).
    public var throughInferenceGateway: Bool
    /// `timeouts.inferenceGateway` as written; nil: derived (`inferenceGateway`), or direct mode,
    /// where the rung does not exist (`routing/unused-settings` warns of a written one).
    public var writtenInferenceGateway: Int64?
    public var engine: Int64

    public init(_ platform: Platform) {
        self.init(platform.timeouts, throughInferenceGateway: platform.routing.mode.value == .inferenceGateway)
    }

    public init(_ timeouts: Platform.Timeouts, throughInferenceGateway: Bool = false) {
        client = timeouts.client.value.milliseconds
        gateway = timeouts.gateway.value.milliseconds
        routerTimeout = timeouts.router.timeout.value.milliseconds
        streamTimeout = timeouts.router.streamTimeout?.value.milliseconds
        retries = timeouts.router.retries.value
        retryBackoff = timeouts.router.retryBackoff.value.milliseconds
        self.throughInferenceGateway = throughInferenceGateway
        writtenInferenceGateway = throughInferenceGateway ? timeouts.inferenceGateway?.value.milliseconds : nil
        engine = timeouts.engine.value.milliseconds
    }

    // MARK: - The inference gateway's rung

    /// The inference route's deadline (its HTTPRoute's `timeouts.request`), nil in direct mode:
    /// as written, else halfway between the engine and the router timeout, on a whole second when
    /// one lies strictly between them (110s and 120s: 115s; 2s and 3s: 2.5s).
    public var inferenceGateway: Int64? {
        guard throughInferenceGateway else { return nil }
        return writtenInferenceGateway ?? Self.halfway(engine, routerTimeout)
    }

    static func halfway(_ low: Int64, _ high: Int64) -> Int64 {
        let middle = low + (high - low) / 2
        let second = middle / 1_000 * 1_000
        return second > low && second < high ? second : middle
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
    /// Vacuous in direct mode; a derived rung lies between whenever the router covers the engine.
    public var routerCoversInferenceGateway: Bool { inferenceGateway.map { routerTimeout > $0 } ?? true }
    public var inferenceGatewayCoversEngine: Bool { inferenceGateway.map { $0 > engine } ?? true }
    public var engineLeavesTime: Bool { engine > 0 }
    /// With the stream timeout at most the router timeout, attempts × stream timeout + backoff is
    /// at most the router's worst case, so the gateway covers streams whenever it covers the router.
    public var streamFitsRouter: Bool { streamTimeout.map { $0 > 0 && $0 <= routerTimeout } ?? true }

    public var nests: Bool {
        clientCoversGateway && gatewayCoversRouter && routerCoversEngine && engineLeavesTime && streamFitsRouter
            && routerCoversInferenceGateway && inferenceGatewayCoversEngine
    }
}

/// A duration in milliseconds as the sources spell it (`1m30s`, `1500ms`): for hints a user pastes.
public func spelled(_ milliseconds: Int64) -> String { PlatcSpec.Duration(milliseconds: milliseconds).description }

/// A duration in milliseconds as a person reads it (`1 m 30 s`, `1.5 s`): for prose.
public func spoken(_ milliseconds: Int64) -> String { PlatcSpec.Duration(milliseconds: milliseconds).spoken }
