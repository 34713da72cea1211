import PlatcSpec

extension Rule {
    /// `quota/rate-limit`: A tenant's rpm or tpm is more than all the models it may use accept together.
    ///
    /// The models' own LiteLLM limits answer 429 first, so the tenant's limit is a promise nobody
    /// can keep; usually one of the two numbers is a typo or out of date.
    public static let quotaRateLimit = Rule(
        id: "quota/rate-limit", severity: .warning,
        summary: "A tenant's rpm or tpm is more than the models it may use accept together (each model's rateLimits).",
        rationale:
            "The models' own LiteLLM limits answer 429 first, so the tenant's limit is a promise nobody can keep; usually one of the two numbers is a typo or out of date.",
        example: """
            tenants/search.yaml
            rateLimits: {rpm: 1200, tpm: 2000000}   # its only model, models/small.yaml, has rpm: 600
            """,
        fix: "Lower the tenant's limit to what its models accept, or raise the models' limits.")
}

extension QuotaChecks {
    /// Tenant rpm ≤ Σ rpm of the models it lists, and tpm likewise. Skipped when one of those
    /// models has no rateLimits (it accepts any rate) or does not resolve (`ref/*` reports it).
    enum RateLimit {
        static func check(_ tenant: Tenant, _ context: inout CheckContext) {
            var models: [(name: String, limits: RateLimits)] = []
            for name in tenant.models {
                guard let limits = context.model(named: name.value)?.rateLimits else { return }
                models.append((name.value, limits))
            }
            guard !models.isEmpty else { return }
            for (key, unit, limit) in [("rpm", "requests", \RateLimits.rpm), ("tpm", "tokens", \RateLimits.tpm)] {
                let wanted = tenant.rateLimits[keyPath: limit]
                let accepted = models.reduce(Int64(0)) { Saturating.add($0, $1.limits[keyPath: limit].value) }
                guard wanted.value > accepted else { continue }
                var parts = Contributions()
                for model in models {
                    let value = model.limits[keyPath: limit]
                    parts.add(value.value, "'\(model.name)' accepts \(value.value) \(unit) per minute", at: value.span)
                }
                context.diagnostics.warning(
                    .quotaRateLimit, message(tenant, wanted: wanted.value, accepted: accepted, unit: unit, models: models.count),
                    at: wanted.span, notes: parts.notes(noun: "model") { "\($0) \(unit) per minute" },
                    hint: "lower \(key) to \(accepted), or raise \(models.count == 1 ? "the model's" : "the models'") \(key)")
            }
        }

        // MARK: - Messages

        static func message(_ tenant: Tenant, wanted: Int64, accepted: Int64, unit: String, models: Int) -> String {
            let accept = models == 1 ? "its only model accepts \(accepted)" : "the \(models) models it may use accept \(accepted) together"
            return "tenant '\(tenant.name.value)' may send \(wanted) \(unit) per minute, but \(accept)"
        }
    }
}
