import PlatcSpec

/// The tenant's Namespace, with the labels that admission (Pod Security, Kueue, Kyverno) and
/// cost tools key on.
enum TenantNamespace {
    static func object(_ tenant: TenantObjects) -> KubeObject {
        let labels =
            tenant.labels + PodSecurityLabels.restricted(tenant.context.platform) + [
                // The one opt-in that scopes Kueue's webhooks and the Kyverno queue gate to tenant namespaces.
                (Conventions.tenantWorkloadsLabel, "true"),
                // The WorkloadPriorityClass the tenant's Jobs are meant to carry.
                (Conventions.tenantPriorityLabel, KueueNames.priorityClass(tenant.tenant.priority.value)),
            ]
        return KubeObject(
            "v1", "Namespace", name: tenant.namespace, labels: labels, sources: [tenant.tenantSource, tenant.context.platformSource])
    }
}
