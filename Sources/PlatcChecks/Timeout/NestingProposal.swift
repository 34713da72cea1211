import PlatcFacts

/// Values that make the whole ladder nest, offered in every nesting finding's hint, in two ways:
/// keep the inner deadlines and raise the outer ones, or keep the client's and lower the inner
/// ones. Proposals are whole seconds, as close to the boundary as that allows, and each one nests
/// as a whole, so two findings never propose values that contradict each other.
struct NestingProposal {
    let original: TimeoutLadder
    /// Engine kept (made positive if it was 0s), every layer above raised as far as needed.
    let raised: TimeoutLadder
    /// Client kept, every layer below lowered as far as needed; nil when a deadline would reach 0s.
    let lowered: TimeoutLadder?

    init(_ ladder: TimeoutLadder) {
        original = ladder
        raised = Self.raise(ladder)
        lowered = Self.lower(ladder)
    }

    /// "nests with client: 5m1s; or with gateway: 3m19s, router.timeout: 1m37s, engine: 1m36s".
    var hint: String {
        var options = [Self.changes(from: original, to: raised)]
        if let lowered, lowered != raised { options.append(Self.changes(from: original, to: lowered)) }
        return "nests with " + options.joined(separator: "; or with ")
    }

    // MARK: - Raise from the engine outward

    static func raise(_ ladder: TimeoutLadder) -> TimeoutLadder {
        var next = ladder
        if next.engine <= 0 { next.engine = max(secondBelow(next.routerTimeout), 1_000) }
        next.writtenInferenceGateway = next.writtenInferenceGateway.map { max($0, secondAbove(next.engine)) }
        next.routerTimeout = max(
            next.routerTimeout, secondAbove(next.writtenInferenceGateway ?? next.engine), next.streamTimeout ?? 0)
        // A stream timeout of 0s times out every stream: the longest that nests is the router's.
        if next.streamTimeout == 0 { next.streamTimeout = next.routerTimeout }
        next.gateway = max(next.gateway, secondAbove(next.routerWorstCase))
        next.client = max(next.client, secondAbove(next.gateway))
        return next
    }

    // MARK: - Lower from the client inward

    static func lower(_ ladder: TimeoutLadder) -> TimeoutLadder? {
        var next = ladder
        next.gateway = min(next.gateway, secondBelow(next.client))
        next.routerTimeout = min(next.routerTimeout, longestRouterTimeout(within: next))
        if next.streamTimeout == 0 { next.streamTimeout = next.routerTimeout }
        next.streamTimeout = next.streamTimeout.map { min($0, next.routerTimeout) }
        next.writtenInferenceGateway = next.writtenInferenceGateway.map { min($0, secondBelow(next.routerTimeout)) }
        let engineBound = secondBelow(next.writtenInferenceGateway ?? next.routerTimeout)
        next.engine = next.engine > 0 ? min(next.engine, engineBound) : engineBound
        return next.engine > 0 && next.nests ? next : nil
    }

    /// The longest whole-second router timeout whose worst case stays strictly inside the gateway:
    /// attempts × t + backoff < gateway.
    static func longestRouterTimeout(within ladder: TimeoutLadder) -> Int64 {
        let room = ladder.gateway - ladder.routerBackoff - 1
        guard room > 0 else { return 0 }
        return room / ladder.routerAttempts / 1_000 * 1_000
    }

    // MARK: - Whole seconds

    /// The smallest whole second strictly above `milliseconds`.
    static func secondAbove(_ milliseconds: Int64) -> Int64 { (milliseconds / 1_000 + 1) * 1_000 }

    /// The largest whole second strictly below `milliseconds` (0 when there is none).
    static func secondBelow(_ milliseconds: Int64) -> Int64 { max((milliseconds - 1) / 1_000 * 1_000, 0) }

    // MARK: - Text

    /// The fields that differ, outermost first, as `key: value` in the sources' spelling.
    static func changes(from a: TimeoutLadder, to b: TimeoutLadder) -> String {
        var out: [String] = []
        if a.client != b.client { out.append("client: \(spelled(b.client))") }
        if a.gateway != b.gateway { out.append("gateway: \(spelled(b.gateway))") }
        if a.routerTimeout != b.routerTimeout { out.append("router.timeout: \(spelled(b.routerTimeout))") }
        if a.streamTimeout != b.streamTimeout {
            out.append(b.streamTimeout.map { "router.streamTimeout: \(spelled($0))" } ?? "no router.streamTimeout")
        }
        if a.writtenInferenceGateway != b.writtenInferenceGateway, let rung = b.writtenInferenceGateway {
            out.append("inferenceGateway: \(spelled(rung))")
        }
        if a.engine != b.engine { out.append("engine: \(spelled(b.engine))") }
        return out.joined(separator: ", ")
    }
}
