import PlatcSpec

/// LiteLLM rate limits: each tenant's team limits and each model's deployment limits.
enum RateLimitChanges {
    static func compare(_ pair: SpecPair, into list: inout ChangeList) {
        for (base, head) in pair.tenants.both {
            let name = head.name.value
            compare(name, "tenant", base.rateLimits, head.rateLimits, into: &list)
        }
        for (base, head) in pair.models.both {
            compare(head.name.value, "model", base.rateLimits, head.rateLimits, into: &list)
        }
        for (base, head) in pair.hostedModels.both {
            compare(head.name.value, "model", base.rateLimits, head.rateLimits, into: &list)
        }
    }

    /// rpm and tpm of one tenant or model; a model without limits reads "none".
    private static func compare(_ name: String, _ kind: String, _ old: RateLimits?, _ new: RateLimits?, into list: inout ChangeList) {
        list.compare(
            .rateLimits, name, "rpm", "Requests per minute of \(kind) \(name)", old.map { Figures.grouped($0.rpm.value) },
            new.map { Figures.grouped($0.rpm.value) })
        list.compare(
            .rateLimits, name, "tpm", "Tokens per minute of \(kind) \(name)", old.map { Figures.grouped($0.tpm.value) },
            new.map { Figures.grouped($0.tpm.value) })
    }
}
