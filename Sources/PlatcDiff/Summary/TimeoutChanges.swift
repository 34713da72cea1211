import PlatcChecks
import PlatcRender
import PlatcFacts
import PlatcSpec

/// The request path's deadlines layer by layer, and the router's worst case they add up to
/// (every attempt to its timeout, every pause to its longest), which the gateway must cover.
enum TimeoutChanges {
    static func compare(_ pair: SpecPair, into list: inout ChangeList) {
        let old = pair.baseFacts.ladder, new = pair.headFacts.ladder
        let spelled = CatalogFormat.duration
        list.compare(.timeouts, "client", "timeout", "Client timeout", spelled(old.client), spelled(new.client))
        list.compare(.timeouts, "gateway", "timeout", "Gateway timeout", spelled(old.gateway), spelled(new.gateway))
        list.compare(.timeouts, "router", "timeout", "Router timeout per attempt", spelled(old.routerTimeout), spelled(new.routerTimeout))
        list.compare(
            .timeouts, "router", "stream timeout", "Router stream timeout", old.streamTimeout.map(spelled), new.streamTimeout.map(spelled))
        list.compare(.timeouts, "router", "retries", "Router retries", String(old.retries), String(new.retries))
        list.compare(.timeouts, "router", "retry backoff", "Router retry backoff", spelled(old.retryBackoff), spelled(new.retryBackoff))
        list.compare(.timeouts, "engine", "timeout", "Engine timeout", spelled(old.engine), spelled(new.engine))
        list.compare(
            .timeouts, "router", "worst case", "Router worst case", spelled(old.routerWorstCase), spelled(new.routerWorstCase),
            note: " (\(SummaryFormat.count(new.routerAttempts, "attempt")) × \(spelled(new.routerTimeout)) + "
                + "\(spelled(new.routerBackoff)) backoff; gateway \(spelled(new.gateway)))")
    }
}
