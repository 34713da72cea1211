/// How a model's Deployment replaces its pods: `serving.rollout`, or with `auto` from the GPUs
/// its class has left when the model runs at its ceiling:
///
///     capacity = nodes × gpusPerNode × time-slices           (docs/checks-quota.md)
///     spare    = capacity − Σ other models' min replicas × TP − this model's max replicas × TP
///     RollingUpdate (maxSurge 1, maxUnavailable 0)  when spare ≥ TP, else Recreate
///
/// A surge replica needs TP GPUs beyond what the model already holds; the rollout that matters is
/// the one at the busiest hour, when KEDA (or a person) has the model at max. When the class cannot
/// hold one more pod then, a rolling update would leave the new pod Pending forever, so the old
/// pods go first (a short outage of this model instead of a stuck rollout). Tenants' nominal quota
/// is not subtracted: serving outranks batch (PriorityClass), so a surge pod preempts batch pods
/// rather than waiting. `quota/rollout-surge` warns when a written RollingUpdate cannot surge.
enum RolloutStrategy: Equatable {
    case rollingUpdate
    case recreate

    static func of(_ serving: ServingModel) -> RolloutStrategy {
        switch serving.model.serving.rollout.value {
        case .recreate: .recreate
        case .rollingUpdate: .rollingUpdate
        case .auto:
            serving.context.facts.pool(named: serving.gpuClass.name.value)?.surgeFits(serving.model) == true ? .rollingUpdate : .recreate
        }
    }

    var yaml: YAMLValue {
        switch self {
        case .rollingUpdate: ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": 1, "maxUnavailable": 0]]
        case .recreate: ["type": "Recreate"]
        }
    }
}
