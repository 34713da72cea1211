/// Kueue: a ResourceFlavor per GPU class (and one for cpu and memory), the Cohort, a
/// ClusterQueue per tenant and the WorkloadPriorityClasses. The per-tenant LocalQueue lives
/// with the tenant's namespace objects (Tenants/).
enum KueuePlanner: Planner {
    static func plan(_ context: RenderContext) -> [KubeObject] {
        ResourceFlavors.objects(context) + [Cohort.object(context)] + ClusterQueues.objects(context)
            + WorkloadPriorityClasses.objects(context)
    }
}
