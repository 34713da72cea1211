import PlatcSpec

/// How a model's replica count is run, derived once from `serving.replicas` and
/// `serving.autoscaling` (docs/language.md § Replicas and idle modes). The Deployment, the KEDA
/// ScaledObject, the rollout strategy, the GPU quota rules, LiteLLM and the catalog all read it.
public struct ReplicaPlan: Sendable, Equatable {
    public enum Mode: String, Sendable {
        /// {min: 0, max: 0}: the Deployment stays at zero and nothing scales it.
        case parked
        /// min = max > 0 (or max < min): always exactly `floor` replicas.
        case fixed
        /// KEDA moves the count between floor and ceiling.
        case keda
        /// Between floor and ceiling by hand (`kubectl scale`); platc renders the floor.
        case manual
    }

    /// Replicas always running: `min`.
    public let floor: Int64
    /// The most replicas the model may run: max(min, max).
    public let ceiling: Int64
    public let mode: Mode

    public init(_ serving: Model.Serving) {
        floor = serving.replicas.min.value
        ceiling = max(serving.replicas.min.value, serving.replicas.max.value)
        if ceiling == 0 {
            mode = .parked
        } else if ceiling == floor {
            mode = .fixed
        } else {
            mode = serving.autoscaling?.value == Model.Serving.Autoscaling.none ? .manual : .keda
        }
    }

    /// The replica count moves after Argo CD applies it (KEDA or a person): Argo CD must not reset it.
    public var countMoves: Bool { mode == .keda || mode == .manual }

    /// What the catalog and `platc diff` print: "1 warm, up to 3", "0 warm, up to 2 by hand", "parked".
    public var description: String {
        switch mode {
        case .parked: "parked"
        case .fixed, .keda: "\(floor) warm, up to \(ceiling)"
        case .manual: "\(floor) warm, up to \(ceiling) by hand"
        }
    }
}

extension Model {
    public var replicaPlan: ReplicaPlan { ReplicaPlan(serving) }
}
