import PlatcChecks
import PlatcFacts
import PlatcSpec

/// Tenants added and removed, and the names a tenant may call when its access changes (its own
/// model list, a model's tenant list, or an adapter's).
enum TenantChanges {
    static func compare(_ pair: SpecPair, into list: inout ChangeList) {
        for tenant in pair.tenants.added { added(tenant, into: &list) }
        for tenant in pair.tenants.removed {
            let name = tenant.name.value
            list.append(
                .tenants, name, "removed", before: "namespace \(name)", after: nil, text: "Tenant \(name) removed (namespace \(name))")
        }
        let baseNames = callableNames(pair.baseFacts), headNames = callableNames(pair.headFacts)
        for (_, tenant) in pair.tenants.both {
            access(
                of: tenant.name.value, before: baseNames[tenant.name.value] ?? [], after: headNames[tenant.name.value] ?? [], into: &list)
        }
    }

    /// A tenant new to the platform, with what it may spend and send: its budget and rate limits
    /// are not compared item by item, as nothing stood before them.
    static func added(_ tenant: Tenant, into list: inout ChangeList) {
        let name = tenant.name.value, limits = tenant.rateLimits
        let budget = SummaryFormat.budget(tenant.budget.usd.value, period: tenant.budget.period.value)
        let text =
            "Tenant \(name) added (namespace \(name); budget \(budget); \(Figures.grouped(limits.rpm.value)) rpm, "
            + "\(Figures.grouped(limits.tpm.value)) tpm)"
        list.append(.tenants, name, "added", before: nil, after: "namespace \(name)", text: text)
    }

    private static func access(of tenant: String, before: Set<String>, after: Set<String>, into list: inout ChangeList) {
        guard before != after else { return }
        let gained = after.subtracting(before).sorted(), lost = before.subtracting(after).sorted()
        var parts: [String] = []
        if !gained.isEmpty { parts.append("may now call \(SummaryFormat.list(gained))") }
        if !lost.isEmpty { parts.append("may no longer call \(SummaryFormat.list(lost))") }
        let spelled = { (names: Set<String>) in names.isEmpty ? "none" : names.sorted().joined(separator: ", ") }
        list.append(
            .tenants, tenant, "callable names", before: spelled(before), after: spelled(after),
            text: "Tenant \(tenant) " + parts.joined(separator: "; "))
    }

    /// The names each tenant may call, as the LiteLLM config grants them.
    private static func callableNames(_ facts: Facts) -> [String: Set<String>] {
        var names: [String: Set<String>] = [:]
        for callable in facts.everyCallableName {
            for tenant in callable.tenants { names[tenant, default: []].insert(callable.name) }
        }
        return names
    }
}
