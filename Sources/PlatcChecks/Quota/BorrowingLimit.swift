import PlatcFacts
import PlatcSpec

/// Each tenant's borrowingLimit ≤ Σ nominal quota of the other tenants on that class:
/// ClusterQueues hold all of the cohort's quota and lend all of it (no lendingLimit).
public enum BorrowingLimit: CheckRule {
    public static let rule = Rule(
        id: "quota/borrowing-limit", severity: .warning,
        summary: "A tenant's borrowingLimit on a GPU class is more than the other tenants' nominal quota, all the cohort can lend.",
        rationale:
            "A ClusterQueue borrows only the unused nominal quota of the other queues in its cohort; a limit above that promises GPUs the tenant can never get.",
        example: """
            tenants/search.yaml
            gpuQuota:
              l4: {nominal: 1, borrowingLimit: 4}   # the other tenants hold 2 GPUs of l4 quota
            """,
        fix: "Lower borrowingLimit to the other tenants' nominal quota on that class, or give them more.")

    public static func check(_ context: inout CheckContext) {
        for pool in context.facts.pools { check(pool, into: &context.diagnostics) }
    }

    private static func check(_ pool: GPUPool, into diagnostics: inout DiagnosticCollector) {
        for (offset, borrower) in pool.batch.enumerated() {
            let limit = borrower.quota.borrowingLimit
            let lendable = pool.nominal - borrower.quota.nominal.value
            guard limit.value > lendable else { continue }
            var parts = Contributions()
            for (other, lender) in pool.batch.enumerated() where other != offset && lender.quota.nominal.value > 0 {
                let nominal = lender.quota.nominal
                parts.add(
                    nominal.value, "'\(lender.tenant.name.value)' can lend its \(Plural.counted(nominal.value, "GPU")) of nominal quota",
                    at: nominal.span)
            }
            diagnostics.warning(
                Self.rule, message(borrower, pool, lendable: lendable), at: limit.span,
                notes: parts.notes(noun: "tenant") { "\(Plural.counted($0, "GPU"))" },
                hint: lendable == 0
                    ? "set borrowingLimit: 0, or give another tenant nominal quota on '\(pool.name)'"
                    : "lower borrowingLimit to \(lendable)")
        }
    }

    // MARK: - Messages

    static func message(_ borrower: GPUPool.Batch, _ pool: GPUPool, lendable: Int64) -> String {
        let wants =
            "tenant '\(borrower.tenant.name.value)' may borrow \(Plural.counted(borrower.quota.borrowingLimit.value, "GPU")) of '\(pool.name)'"
        return lendable == 0
            ? "\(wants), but no other tenant in the cohort holds nominal quota on it, so there is nothing to borrow"
            : "\(wants), but the other tenants in the cohort hold only \(Plural.counted(lendable, "GPU")) of nominal quota to lend"
    }
}
