import PlatcSpec

/// The WorkloadPriorityClasses tenant Jobs choose with `kueue.x-k8s.io/priority-class`: one per
/// tenant priority of the language, whether or not a tenant uses it (a tenant may run a Job below
/// its own priority).
enum WorkloadPriorityClasses {
    /// Kueue orders and preempts by these numbers only; they never reach the kube-scheduler
    /// (pod PriorityClasses are separate). A factor of 10 between steps leaves room for classes in
    /// between without renumbering.
    static func value(_ priority: Tenant.Priority) -> Int64 {
        switch priority {
        case .low: 100
        case .normal: 1000
        case .high: 10000
        }
    }

    static func description(_ priority: Tenant.Priority) -> String {
        switch priority {
        case .low: "Tenant batch work that yields to everything else: preempted first."
        case .normal: "Tenant batch work at the default priority."
        case .high: "Tenant batch work that may preempt lower-priority work in its own ClusterQueue."
        }
    }

    static func objects(_ context: RenderContext) -> [KubeObject] {
        Tenant.Priority.allCases.map { priority in
            KubeObject(
                KueueNames.apiVersion, "WorkloadPriorityClass", name: KueueNames.priorityClass(priority),
                labels: context.commonLabels,
                body: ["value": .int(value(priority)), "description": .string(description(priority))],
                sources: [context.platformSource])
        }
    }
}
