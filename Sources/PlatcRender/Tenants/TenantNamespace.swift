import PlatcSpec

/// The tenant's Namespace, with the labels that admission (Pod Security, Kueue, Kyverno) and
/// cost tools key on.
enum TenantNamespace {
    static func object(_ tenant: TenantObjects) -> KubeObject {
        let pinned = podSecurityVersion(tenant.context.platform)
        let labels =
            tenant.labels + [
                // Enforce the `restricted` profile as of the platform's Kubernetes version: a cluster
                // upgrade cannot tighten (and so break) admission without a reviewed change to platform/.
                ("pod-security.kubernetes.io/enforce", "restricted"),
                ("pod-security.kubernetes.io/enforce-version", pinned),
                // Audit and warn against the newest profile, so what a future version would reject
                // shows up in audit logs and kubectl warnings before the upgrade.
                ("pod-security.kubernetes.io/audit", "restricted"),
                ("pod-security.kubernetes.io/audit-version", "latest"),
                ("pod-security.kubernetes.io/warn", "restricted"),
                ("pod-security.kubernetes.io/warn-version", "latest"),
                // The one opt-in that scopes Kueue's webhooks and the Kyverno queue gate to tenant namespaces.
                (Conventions.tenantWorkloadsLabel, "true"),
                // The WorkloadPriorityClass the tenant's Jobs are meant to carry.
                (Conventions.tenantPriorityLabel, KueueNames.priorityClass(tenant.tenant.priority.value)),
            ]
        return KubeObject(
            "v1", "Namespace", name: tenant.namespace, labels: labels, sources: [tenant.tenantSource, tenant.context.platformSource])
    }

    /// `v<major>.<minor>` of the platform's `kubernetesVersion` (the language holds `1.33` or `1.33.2`);
    /// Pod Security versions name minor releases only.
    static func podSecurityVersion(_ platform: Platform) -> String {
        let parts = platform.kubernetesVersion.value.split(separator: ".").prefix(2)
        return "v" + parts.joined(separator: ".")
    }
}
