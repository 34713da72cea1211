import PlatcSpec

/// What every object of a tenant shares: its namespace, labels and sources.
struct TenantObjects {
    let tenant: Tenant
    let context: RenderContext

    /// The tenant's namespace is the tenant's name (the language says so; `ref/namespace-collision`
    /// keeps it clear of the platform's and Kubernetes' own namespaces).
    var namespace: String { tenant.name.value }

    /// Managed-by/part-of, the tenant, and who pays: OpenCost attributes the namespace's spend by them.
    var labels: [(String, String)] {
        context.commonLabels + [(Conventions.tenantLabel, tenant.name.value), (Conventions.costCenterLabel, tenant.name.value)]
    }

    var tenantSource: String { tenant.span.start.file }

    /// A namespaced object of the tenant.
    func object(
        _ apiVersion: String, _ kind: String, name: String, body: YAMLMap, usesPlatform: Bool = false
    ) -> KubeObject {
        KubeObject(
            apiVersion, kind, name: name, namespace: namespace, labels: labels, body: body,
            sources: usesPlatform ? [tenantSource, context.platformSource] : [tenantSource])
    }
}
