import PlatcFacts
import PlatcSpec

/// Σ max(min, max) replicas × TP of the models on a class ≤ the GPUs it advertises.
/// Not reported when the warm floor itself does not fit: that is the finding to fix first.
public enum MaxReplicas: CheckRule {
    public static let rule = Rule(
        id: "quota/max-replicas", severity: .warning,
        summary: "At max replicas, the models on a GPU class (max replicas × tensor parallelism) need more GPUs than the class has.",
        rationale:
            "The autoscaler may ask for max replicas at the busiest hour; the replicas beyond the pool stay Pending exactly when they are needed.",
        example: """
            models/big.yaml
            serving:
              gpuClass: l4      # 6 GPUs, and models/small.yaml may scale to 2
              replicas: {min: 1, max: 5}
            """,
        fix: "Add nodes to the GPU class, or lower the models' max replicas until the peak fits.")

    public static func check(_ context: inout CheckContext) {
        for pool in context.facts.pools { check(pool, into: &context.diagnostics) }
    }

    private static func check(_ pool: GPUPool, into diagnostics: inout DiagnosticCollector) {
        guard pool.warmFloor <= pool.capacity, pool.peak > pool.capacity else { return }
        var parts = Contributions()
        for serving in pool.serving {
            let replicas = serving.model.serving.replicas
            let count = max(replicas.min.value, replicas.max.value)
            parts.add(serving.peak, scales(serving.model, replicas: count, gpus: serving.peak), at: replicas.max.span)
        }
        diagnostics.warning(
            Self.rule, message(pool), at: pool.gpuClass.nodes.span,
            notes: parts.notes(noun: "model") { "\(Plural.counted($0, "GPU")) at their peak" },
            hint:
                "\(pool.raiseNodes(toFit: pool.peak)), or lower max replicas by \(Plural.counted(pool.peak - pool.capacity, "GPU")) in total"
        )
    }

    // MARK: - Messages

    static func message(_ pool: GPUPool) -> String {
        "at max replicas, the models on GPU class '\(pool.name)' need \(Plural.counted(pool.peak, "GPU")), "
            + "but the class has \(pool.capacityDescription)"
    }

    static func scales(_ model: Model, replicas: Int64, gpus: Int64) -> String {
        "'\(model.name.value)' scales to \(Plural.counted(replicas, "replica")) × \(Plural.counted(model.serving.tensorParallel.value, "GPU")) = \(Plural.counted(gpus, "GPU"))"
    }
}
