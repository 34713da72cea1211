import PlatcFacts
import PlatcSpec

/// Σ min replicas × TP of the models on a class ≤ the GPUs it advertises.
public enum WarmFloor: CheckRule {
    public static let rule = Rule(
        id: "quota/warm-floor",
        summary: "The models' warm floor on a GPU class (min replicas × tensor parallelism) needs more GPUs than the class has.",
        rationale:
            "Min replicas run all the time. Replicas beyond the pool stay Pending, and a model with no running replica cannot be called.",
        example: """
            platform/l4.yaml
            gpusPerNode: 2
            nodes: 1          # 2 GPUs, but models/big.yaml keeps min 2 × tensorParallel 2 = 4 warm
            """,
        fix: "Add nodes to the GPU class, or lower the models' min replicas (or tensor parallelism) until the floor fits.")

    public static func check(_ context: inout CheckContext) {
        for pool in context.facts.pools { check(pool, into: &context.diagnostics) }
    }

    private static func check(_ pool: GPUPool, into diagnostics: inout DiagnosticCollector) {
        guard pool.warmFloor > pool.capacity else { return }
        var parts = Contributions()
        for serving in pool.serving where serving.floor > 0 {
            let replicas = serving.model.serving.replicas.min
            parts.add(serving.floor, keeps(serving.model, replicas: replicas.value, gpus: serving.floor), at: replicas.span)
        }
        diagnostics.error(
            Self.rule, message(pool), at: pool.gpuClass.nodes.span,
            notes: parts.notes(noun: "model") { "\(Plural.counted($0, "GPU")) warm" },
            hint:
                "\(pool.raiseNodes(toFit: pool.warmFloor + pool.nominal)), or lower min replicas by \(Plural.counted(pool.warmFloor - pool.capacity, "GPU")) in total"
        )
    }

    // MARK: - Messages

    static func message(_ pool: GPUPool) -> String {
        "the warm floor on GPU class '\(pool.name)' is \(Plural.counted(pool.warmFloor, "GPU")) (min replicas × tensor parallelism), "
            + "but the class has \(pool.capacityDescription)"
    }

    static func keeps(_ model: Model, replicas: Int64, gpus: Int64) -> String {
        "'\(model.name.value)' keeps \(Plural.counted(replicas, "replica")) × \(Plural.counted(model.serving.tensorParallel.value, "GPU")) = \(Plural.counted(gpus, "GPU")) warm"
    }
}
