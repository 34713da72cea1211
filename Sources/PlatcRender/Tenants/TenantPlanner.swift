/// The per tenant: Namespace, ResourceQuota, LimitRange, RBAC, NetworkPolicies, LocalQueue.
enum TenantPlanner: Planner {
    static func plan(_ context: RenderContext) -> [KubeObject] { [] }
}
