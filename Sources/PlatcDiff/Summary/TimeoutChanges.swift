import PlatcChecks
import PlatcFacts
import PlatcSpec

/// The request path's deadlines layer by layer, and the router's worst case they add up to
/// (every attempt to its timeout, every pause to its longest), which the gateway must cover.
enum TimeoutChanges {
    static func compare(_ pair: SpecPair, into list: inout ChangeList) {
        let old = pair.baseFacts.ladder, new = pair.headFacts.ladder
        list.compare(.timeouts, "client", "timeout", "Client timeout", spoken(old.client), spoken(new.client))
        list.compare(.timeouts, "gateway", "timeout", "Gateway timeout", spoken(old.gateway), spoken(new.gateway))
        list.compare(.timeouts, "router", "timeout", "Router timeout per attempt", spoken(old.routerTimeout), spoken(new.routerTimeout))
        list.compare(
            .timeouts, "router", "stream timeout", "Router stream timeout", old.streamTimeout.map { spoken($0) },
            new.streamTimeout.map { spoken($0) })
        list.compare(.timeouts, "router", "retries", "Router retries", String(old.retries), String(new.retries))
        list.compare(.timeouts, "router", "retry backoff", "Router retry backoff", spoken(old.retryBackoff), spoken(new.retryBackoff))
        list.compare(
            .timeouts, "inference gateway", "timeout", "Inference gateway timeout per attempt", old.inferenceGateway.map { spoken($0) },
            new.inferenceGateway.map { spoken($0) })
        list.compare(.timeouts, "engine", "timeout", "Engine timeout", spoken(old.engine), spoken(new.engine))
        list.compare(
            .timeouts, "router", "worst case", "Router worst case", spoken(old.routerWorstCase), spoken(new.routerWorstCase),
            note: " (\(Plural.counted(new.routerAttempts, "attempt")) × \(spoken(new.routerTimeout)) + "
                + "\(spoken(new.routerBackoff)) backoff; gateway \(spoken(new.gateway)))")
    }
}
