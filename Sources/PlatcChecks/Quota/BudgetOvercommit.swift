import PlatcFacts
import PlatcSpec

/// Σ tenant budgets per the platform's period ≤ platform usd × overcommit, in micro-dollars.
/// A tenant budget with another period counts in proportion (usd × platform hours ÷ its hours,
/// rounded up to the micro-dollar); overcommit is read in millionths.
public enum BudgetOvercommit: CheckRule {
    public static let rule = Rule(
        id: "quota/budget-overcommit",
        summary: "The tenants' budgets, scaled to the platform's period, add up to more than the platform budget × budget.overcommit.",
        rationale:
            "Each tenant's LiteLLM team stops only at its own budget; if all of them spend it, the platform spends more than it has, unless that overcommit is declared on purpose.",
        example: """
            platform/lab.yaml
            budget: {usd: 5000, period: 30d}   # tenants/*.yaml budget 2000 + 2000 + 1500 per 30d
            """,
        fix: "Raise the platform budget, declare budget.overcommit (≥ the ratio the hint gives), or lower tenant budgets.")

    public static func check(_ context: inout CheckContext) {
        check(context.spec, into: &context.diagnostics)
    }

    private static func check(_ spec: Spec, into diagnostics: inout DiagnosticCollector) {
        let budget = spec.platform.budget
        guard let platformHours = BudgetPeriod.hours(budget.period.value) else { return }
        let overcommit = Int64((budget.overcommit.value * 1_000_000).rounded())
        let allowed = Saturating.scale(budget.usd.value.micros, by: overcommit, over: 1_000_000, roundingUp: false)
        var total: Int64 = 0
        var scaled = false
        var parts = Contributions()
        for tenant in spec.tenants {
            guard let hours = BudgetPeriod.hours(tenant.budget.period.value) else { continue }
            let usd = tenant.budget.usd
            let share = Saturating.scale(usd.value.micros, by: platformHours, over: hours, roundingUp: true)
            total = Saturating.add(total, share)
            scaled = scaled || hours != platformHours
            parts.add(share, budgets(tenant, share: share, per: budget.period.value, same: hours == platformHours), at: usd.span)
        }
        guard total > allowed else { return }
        let period = budget.period.value
        diagnostics.error(
            Self.rule, message(total, allowed, budget, overcommit: overcommit, scaled: scaled), at: budget.usd.span,
            notes: parts.notes(noun: "tenant") { "\(Figures.dollars(USD(micros: $0))) per \(period)" },
            hint: hint(total, allowed, budget, overcommit: overcommit))
    }

    // MARK: - Messages

    static func message(_ total: Int64, _ allowed: Int64, _ budget: Platform.PlatformBudget, overcommit: Int64, scaled: Bool) -> String {
        let period = budget.period.value
        let sum =
            "the tenants' budgets add up to \(Figures.dollars(USD(micros: total))) per \(period)"
            + (scaled ? " (other periods scaled to \(period))" : "")
        var limit = "the platform budget of \(Figures.dollars(budget.usd.value)) per \(period)"
        if overcommit != 1_000_000 {
            limit += " × overcommit \(QuotaText.decimal(millionths: overcommit)) = \(Figures.dollars(USD(micros: allowed)))"
        }
        return "\(sum), more than \(limit)"
    }

    static func budgets(_ tenant: Tenant, share: Int64, per period: String, same: Bool) -> String {
        let own = "'\(tenant.name.value)' budgets \(Figures.dollars(tenant.budget.usd.value)) per \(tenant.budget.period.value)"
        return same ? own : "\(own), \(Figures.dollars(USD(micros: share))) per \(period)"
    }

    /// Three ways out, each with the exact value that passes.
    static func hint(_ total: Int64, _ allowed: Int64, _ budget: Platform.PlatformBudget, overcommit: Int64) -> String {
        var ways: [String] = []
        if total < .max {
            let usd = Saturating.scale(total, by: 1_000_000, over: overcommit, roundingUp: true)
            ways.append("budget.usd: \(USD(micros: usd))")
            if budget.usd.value.micros > 0 {
                let ratio = Saturating.scale(total, by: 1_000_000, over: budget.usd.value.micros, roundingUp: true)
                if ratio <= 100_000_000 { ways.append("declare budget.overcommit: \(QuotaText.decimal(millionths: ratio))") }
            }
            ways.append("lower the tenants' budgets by \(Figures.dollars(USD(micros: total - allowed))) per \(budget.period.value)")
        } else {
            ways.append("lower the tenants' budgets")
        }
        return ways.count == 3 ? "\(ways[0]), \(ways[1]), or \(ways[2])" : ways.joined(separator: ", or ")
    }
}
