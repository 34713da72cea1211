/// One thing a pull request changes in the platform's own terms: a tenant's quota, a class's warm
/// floor, a model's KV-cache headroom. Structured for JSON, with a ready line for text and Markdown.
public struct PlatformChange: Sendable, Equatable {
    /// What part of the platform the change is about; `allCases` is the display order.
    public enum Topic: String, Sendable, CaseIterable {
        case tenants
        case models
        case gpuQuota = "gpu-quota"
        case serving
        case requestPath = "request-path"
        case fit
        case budgets
        case rateLimits = "rate-limits"
        case timeouts
        case platform
    }

    public var topic: Topic
    /// What changed: a tenant, model, GPU class, callable name, "class/tenant", a route, or a timeout layer.
    public var subject: String
    /// Which of its facts: "added", "removed", "quota", "warm floor", "VRAM headroom", "rpm", …
    public var field: String
    /// nil: did not exist before.
    public var before: String?
    /// nil: does not exist after.
    public var after: String?
    /// One line, e.g. "GPU quota of tenant search on h100: 2 → 3 GPUs (class total 3 → 4 of 8)".
    public var text: String

    public init(topic: Topic, subject: String, field: String, before: String?, after: String?, text: String) {
        self.topic = topic
        self.subject = subject
        self.field = field
        self.before = before
        self.after = after
        self.text = text
    }

    /// Topic order, then subject, then field; the text breaks the rare tie (two callable names of
    /// one model), so no input order leaks.
    static func displayOrder(_ a: PlatformChange, _ b: PlatformChange) -> Bool {
        let topicA = Topic.allCases.firstIndex(of: a.topic) ?? 0, topicB = Topic.allCases.firstIndex(of: b.topic) ?? 0
        return (topicA, a.subject, a.field, a.text) < (topicB, b.subject, b.field, b.text)
    }
}
