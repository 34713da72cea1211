import PlatcChecks
import PlatcSpec

/// Kueue GPU quota: each class's total of tenant nominal quota, and each tenant's nominal quota
/// and borrowing limit per class, against the class's capacity.
enum GPUQuotaChanges {
    static func compare(_ pair: SpecPair, into list: inout ChangeList) {
        for gpuClass in pair.gpuClassNames {
            let before = pair.baseFacts.pool(named: gpuClass)?.nominal, after = pair.headFacts.pool(named: gpuClass)?.nominal
            // A class added or removed without quota on it is no quota change.
            guard (before ?? 0) != (after ?? 0) else { continue }
            list.compare(
                .gpuQuota, gpuClass, "quota", "GPU quota on \(gpuClass)", before.map(String.init), after.map(String.init),
                unit: SummaryFormat.gpuUnit(before, after), note: capacity(of: gpuClass, pair).map { " of \($0)" } ?? "")
        }
        let before = quotas(pair.base), after = quotas(pair.head)
        for key in Set(before.keys).union(after.keys).sorted(by: { ($0.gpuClass, $0.tenant) < ($1.gpuClass, $1.tenant) }) {
            tenantQuota(key, before: before[key], after: after[key], pair, into: &list)
        }
    }

    private static func tenantQuota(_ key: Key, before: Quota?, after: Quota?, _ pair: SpecPair, into list: inout ChangeList) {
        let subject = "\(key.gpuClass)/\(key.tenant)"
        if (before?.nominal ?? 0) != (after?.nominal ?? 0) {
            list.compare(
                .gpuQuota, subject, "quota", "GPU quota of tenant \(key.tenant) on \(key.gpuClass)", before.map { String($0.nominal) },
                after.map { String($0.nominal) }, unit: SummaryFormat.gpuUnit(before?.nominal, after?.nominal),
                note: classTotal(key.gpuClass, pair))
        }
        if (before?.borrowingLimit ?? 0) != (after?.borrowingLimit ?? 0) {
            list.compare(
                .gpuQuota, subject, "borrowing limit", "GPU borrowing limit of tenant \(key.tenant) on \(key.gpuClass)",
                before.map { String($0.borrowingLimit) }, after.map { String($0.borrowingLimit) },
                unit: SummaryFormat.gpuUnit(before?.borrowingLimit, after?.borrowingLimit))
        }
    }

    /// " (class total 3 → 4 of 8)", or " (class total 4 of 8)" when quota only moved between tenants.
    private static func classTotal(_ gpuClass: String, _ pair: SpecPair) -> String {
        guard let capacity = capacity(of: gpuClass, pair) else { return "" }
        let before = pair.baseFacts.pool(named: gpuClass)?.nominal ?? 0, after = pair.headFacts.pool(named: gpuClass)?.nominal ?? 0
        return before == after ? " (class total \(after) of \(capacity))" : " (class total \(before) → \(after) of \(capacity))"
    }

    /// The class's GPUs in head, or in base when head has removed it; nil when neither defines it.
    private static func capacity(of gpuClass: String, _ pair: SpecPair) -> Int64? {
        (pair.headFacts.pool(named: gpuClass) ?? pair.baseFacts.pool(named: gpuClass))?.capacity
    }

    private struct Key: Hashable {
        let gpuClass: String
        let tenant: String
    }

    private struct Quota {
        let nominal: Int64
        let borrowingLimit: Int64
    }

    /// Every tenant's quota entries, whether or not the class exists (ref/* reports those).
    private static func quotas(_ spec: Spec) -> [Key: Quota] {
        var quotas: [Key: Quota] = [:]
        for tenant in spec.tenants {
            for (gpuClass, quota) in tenant.gpuQuota {
                quotas[Key(gpuClass: gpuClass.value, tenant: tenant.name.value)] = Quota(
                    nominal: quota.nominal.value, borrowingLimit: quota.borrowingLimit.value)
            }
        }
        return quotas
    }
}
