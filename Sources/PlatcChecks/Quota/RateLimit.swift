import PlatcFacts
import PlatcSpec

/// Tenant rpm ≤ what the names it may call accept together, and tpm likewise. LiteLLM splits a
/// model's limit over its names (aliases and adapters, `CallableName`), so a tenant that may
/// call only some of a model's names reaches only their shares. Skipped when one of its models
/// has no rateLimits (it accepts any rate) or does not resolve (`ref/*` reports it).
public enum RateLimit: CheckRule {
    public static let rule = Rule(
        id: "quota/rate-limit", severity: .warning,
        summary:
            "A tenant's rpm or tpm is more than the names it may call accept together (each model's rateLimits, split over "
            + "its aliases and LoRA adapters).",
        rationale:
            "The models' own LiteLLM limits answer 429 first, so the tenant's limit is a promise nobody can keep; usually one "
            + "of the two numbers is a typo or out of date. LiteLLM counts a limit per deployment and every alias and adapter "
            + "is one, so platc splits a model's limit over its names: a tenant that may call only some of them reaches only "
            + "their shares.",
        example: """
            tenants/search.yaml
            rateLimits: {rpm: 1200, tpm: 2000000}   # its only model, models/small.yaml, has rpm: 600
            """,
        fix: "Lower the tenant's limit to what its models accept, or raise the models' limits.")

    /// What one model accepts from the tenant, per minute, through the names it may call.
    struct Reach {
        var model: any OfferedModel
        var names: [CallableName]
        var reachable: Int
        var total: Int
    }

    public static func check(_ context: inout CheckContext) {
        for tenant in context.spec.tenants { check(tenant, &context) }
    }

    private static func check(_ tenant: Tenant, _ context: inout CheckContext) {
        var reaches: [Reach] = []
        for listed in tenant.models {
            guard let model = context.offeredModel(named: listed.value), model.rateLimits != nil,
                let names = context.facts.callableNames(of: listed.value)
            else { return }
            let reachable = names.filter { $0.tenants.contains(tenant.name.value) }
            reaches.append(Reach(model: model, names: reachable, reachable: reachable.count, total: names.count))
        }
        guard !reaches.isEmpty else { return }
        for (key, unit, limit, share) in [
            ("rpm", "requests", \RateLimits.rpm, \CallableName.rpm), ("tpm", "tokens", \RateLimits.tpm, \CallableName.tpm),
        ] {
            let wanted = tenant.rateLimits[keyPath: limit]
            let accepts = reaches.map { reach in reach.names.reduce(Int64(0)) { Saturating.add($0, $1[keyPath: share] ?? 0) } }
            let accepted = accepts.reduce(Int64(0), Saturating.add)
            guard wanted.value > accepted else { continue }
            var parts = Contributions()
            for (reach, value) in zip(reaches, accepts) {
                guard let span = reach.model.rateLimits?[keyPath: limit].span else { continue }
                parts.add(
                    value, note(reach, accepts: value, unit: unit, of: reach.model.rateLimits?[keyPath: limit].value ?? 0), at: span)
            }
            context.diagnostics.warning(
                Self.rule, message(tenant, wanted: wanted.value, accepted: accepted, unit: unit, models: reaches.count),
                at: wanted.span, notes: parts.notes(noun: "model") { "\($0) \(unit) per minute" },
                hint: "lower \(key) to \(accepted), or raise \(reaches.count == 1 ? "the model's" : "the models'") \(key)")
        }
    }

    // MARK: - Messages

    static func message(_ tenant: Tenant, wanted: Int64, accepted: Int64, unit: String, models: Int) -> String {
        let accept = models == 1 ? "its only model accepts \(accepted)" : "the \(models) models it may use accept \(accepted) together"
        return "tenant '\(tenant.name.value)' may send \(wanted) \(unit) per minute, but \(accept)"
    }

    static func note(_ reach: Reach, accepts value: Int64, unit: String, of limit: Int64) -> String {
        let name = reach.model.name.value
        guard reach.reachable < reach.total else { return "'\(name)' accepts \(value) \(unit) per minute" }
        return "'\(name)' accepts \(value) of its \(limit) \(unit) per minute from this tenant: LiteLLM splits the limit over "
            + "its \(reach.total) names and the tenant may call \(reach.reachable) of them"
    }
}
