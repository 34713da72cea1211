/// How a model's Deployment replaces its pods, from the GPUs its class has left.
///
///     capacity = nodes × gpusPerNode × time-slices           (docs/checks-quota.md)
///     spare    = capacity − Σ over the class's models  min replicas × TP
///     RollingUpdate (maxSurge 1, maxUnavailable 0)  when spare ≥ TP, else Recreate
///
/// A surge replica needs TP GPUs beyond the warm floors; when the class cannot hold it, a rolling
/// update would leave the new pod Pending forever, so the old pods go first (a short outage of
/// this model instead of a stuck rollout). Tenants' nominal quota is not subtracted: serving
/// outranks batch (PriorityClass), so a surge pod preempts batch pods rather than waiting.
enum RolloutStrategy: Equatable {
    case rollingUpdate
    case recreate

    static func of(_ serving: ServingModel) -> RolloutStrategy {
        let tp = serving.tensorParallel
        return spareGPUs(on: serving.gpuClass.name.value, serving.context) >= tp ? .rollingUpdate : .recreate
    }

    /// GPUs of the class left after every model's warm floor on it.
    static func spareGPUs(on gpuClassName: String, _ context: RenderContext) -> Int64 {
        guard let gpuClass = context.gpuClass(named: gpuClassName) else { return 0 }
        let slices = gpuClass.timeSlicing?.replicas.value ?? 1
        let capacity = gpuClass.nodes.value * gpuClass.gpusPerNode.value * slices
        return capacity - context.warmFloors[gpuClassName, default: 0]
    }

    var yaml: YAMLValue {
        switch self {
        case .rollingUpdate: ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": 1, "maxUnavailable": 0]]
        case .recreate: ["type": "Recreate"]
        }
    }
}
