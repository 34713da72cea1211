/// How long LiteLLM's router sleeps around retries, at most, in milliseconds.
///
/// In a model group with one deployment (platc gives each model one vLLM Service), LiteLLM
/// 1.106 sleeps before retry k (k = 0, 1, …) `min(max(0.5 s × 2^k, retry_after), 8 s)` plus up to
/// 0.75 s of jitter, and sleeps once more after the last failed retry: R retries sleep R + 1
/// times; no retries, no sleep (router.py `_time_to_sleep_before_retry`, utils.py
/// `_calculate_retry_after`; docs/research/litellm-notes.md §8).
enum LiteLLMBackoff {
    static let initialDelay: Int64 = 500
    static let maximumDelay: Int64 = 8_000
    static let maximumJitter: Int64 = 750

    /// The sum of every sleep at its longest. A declared `retryBackoff` above LiteLLM's 8 s cap is
    /// budgeted as declared: the check never assumes less pause than the sources promise.
    static func longest(retries: Int64, retryBackoff: Int64) -> Int64 {
        guard retries > 0 else { return 0 }
        return (0...retries).reduce(0) { total, k in total + pause(before: k, retryBackoff: retryBackoff) }
    }

    /// The longest sleep before retry `k` (0-based); `k` = retries is the sleep after the last.
    static func pause(before k: Int64, retryBackoff: Int64) -> Int64 {
        // 0.5 s × 2^k passes the 8 s cap at k = 5; stop doubling there so no shift can overflow.
        let exponential = k >= 5 ? maximumDelay : min(initialDelay << k, maximumDelay)
        return max(exponential, retryBackoff) + maximumJitter
    }
}
