import PlatcSpec

/// The tenant namespace's ResourceQuota: the hard cap behind Kueue. It also binds pods that no
/// Kueue queue admitted, so nothing in the namespace exceeds what the tenant may use.
enum TenantResourceQuota {
    static let name = "tenant-quota"

    static func object(_ tenant: TenantObjects) -> KubeObject {
        let quota = tenant.tenant.namespaceQuota
        // Requests, not limits: the quota bounds what the scheduler reserves; `namespaceQuota`
        // is "requests in total" in the language, and LimitRange defaults the requests.
        let hard: YAMLValue = [
            "pods": .string(String(quota.pods.value)),
            "requests.cpu": .string(quota.cpu.value.text),
            "requests.memory": .string(quota.memory.value.text),
            "requests.\(KueueNames.gpuResource)": .string(String(maxGPUs(tenant))),
        ]
        return tenant.object("v1", "ResourceQuota", name: name, body: ["spec": ["hard": hard]])
    }

    /// The most GPUs the tenant's ClusterQueue can ever admit: Σ over its GPU classes of nominal +
    /// borrowingLimit, in advertised GPUs (a time-sliced class's quota already counts slices,
    /// as docs/checks-quota.md does). Classes that do not resolve count nothing, as in Kueue.
    static func maxGPUs(_ tenant: TenantObjects) -> Int64 {
        ClusterQueues.quotaClasses(of: tenant.tenant, tenant.context)
            .reduce(0) { $0 + $1.quota.nominal.value + $1.quota.borrowingLimit.value }
    }
}
