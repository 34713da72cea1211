import PlatcFacts

/// Per tenant: Namespace, ResourceQuota, LimitRange, RBAC, NetworkPolicies, LocalQueue.
enum TenantPlanner: Planner {
    static func plan(_ context: RenderContext) -> [KubeObject] { units(context).flatMap { $0.plan() } }

    static func units(_ context: RenderContext) -> [PlanUnit] {
        context.spec.tenants.map { tenant in
            PlanUnit(.tenant(tenant.name.value)) {
                let objects = TenantObjects(tenant: tenant, context: context)
                return [
                    TenantNamespace.object(objects), TenantResourceQuota.object(objects), TenantLimitRange.object(objects),
                ] + TenantRBAC.objects(objects) + TenantNetworkPolicies.objects(objects) + [TenantLocalQueue.object(objects)]
            }
        }
    }
}
