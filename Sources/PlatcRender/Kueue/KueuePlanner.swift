import PlatcFacts

/// Kueue: a ResourceFlavor per GPU class (and one for cpu and memory), the Cohort, a
/// ClusterQueue per tenant and the WorkloadPriorityClasses. The per-tenant LocalQueue lives
/// with the tenant's namespace objects (Tenants/).
enum KueuePlanner: Planner {
    static func plan(_ context: RenderContext) -> [KubeObject] {
        units(context).flatMap { $0.plan() }
    }

    /// The ClusterQueue travels with its tenant's other objects (ApplicationLayout).
    static func units(_ context: RenderContext) -> [PlanUnit] {
        let shared = PlanUnit(.shared) {
            ResourceFlavors.objects(context) + [Cohort.object(context)] + WorkloadPriorityClasses.objects(context)
        }
        return [shared]
            + context.spec.tenants.map { tenant in
                PlanUnit(.tenant(tenant.name.value)) { [ClusterQueues.clusterQueue(for: tenant, context)] }
            }
    }
}
