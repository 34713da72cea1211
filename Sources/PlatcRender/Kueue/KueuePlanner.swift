/// The Kueue: ResourceFlavors, Cohort, ClusterQueues, WorkloadPriorityClasses.
enum KueuePlanner: Planner {
    static func plan(_ context: RenderContext) -> [KubeObject] { [] }
}
