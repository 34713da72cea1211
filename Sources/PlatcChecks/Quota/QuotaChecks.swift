import PlatcFacts
import PlatcSpec

/// `quota/*`: whether what the sources promise adds up — GPUs shared by serving and batch,
/// borrowing in the Kueue cohort, tenant budgets against the platform's, tenant rate limits
/// against their models', LoRA slots, and prices that make budgets bind.
/// The arithmetic and its constants are written down in docs/checks-quota.md.
public enum QuotaChecks: Check {
    public static let rules: [Rule] = [
        .quotaWarmFloor,
        .quotaMaxReplicas,
        .quotaZeroFloor,
        .quotaKEDASettings,
        .quotaRolloutSurge,
        .quotaNominalOverCapacity,
        .quotaBorrowingLimit,
        .quotaBudgetOvercommit,
        .quotaRateLimit,
        .quotaLoRAAdapters,
        .quotaMissingPrice,
        .quotaTeamsUnreconciled,
    ]

    public static func run(_ context: inout CheckContext) {
        for pool in context.facts.pools {
            WarmFloor.check(pool, into: &context.diagnostics)
            MaxReplicas.check(pool, into: &context.diagnostics)
            NominalOverCapacity.check(pool, into: &context.diagnostics)
            BorrowingLimit.check(pool, into: &context.diagnostics)
            ZeroFloor.check(pool, into: &context.diagnostics)
            RolloutSurge.check(pool, into: &context.diagnostics)
        }
        BudgetOvercommit.check(context.spec, into: &context.diagnostics)
        for tenant in context.spec.tenants { RateLimit.check(tenant, &context) }
        for model in context.spec.models {
            KEDASettings.check(model, into: &context.diagnostics)
            LoRAAdapters.check(model, into: &context.diagnostics)
            MissingPrice.check(model, &context)
        }
        TeamsUnreconciled.check(context.spec, into: &context.diagnostics)
    }
}
