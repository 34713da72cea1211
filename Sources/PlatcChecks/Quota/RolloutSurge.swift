import PlatcFacts
import PlatcSpec

public enum RolloutSurge: CheckRule {
    public static let rule = Rule(
        id: "quota/rollout-surge", severity: .warning,
        summary:
            "rollout: RollingUpdate on a model whose class has no GPUs for one more replica while it runs at max replicas (other models at their warm floor).",
        rationale:
            "A rolling update starts a new pod before it stops an old one. When the class's GPUs are all held, the new pod stays Pending and the rollout never finishes: Argo CD shows the application Progressing until its deadline, then Degraded. Recreate stops the old pods first (a short outage of this model).",
        example: """
            models/chat.yaml
            serving:
              gpuClass: l4        # 1 node × 1 GPU
              replicas: {min: 0, max: 1}
              rollout: RollingUpdate
            """,
        fix: "rollout: auto (Recreate where a surge cannot fit), or add a node to the class.")

    public static func check(_ context: inout CheckContext) {
        for pool in context.facts.pools { check(pool, into: &context.diagnostics) }
    }

    private static func check(_ pool: GPUPool, into diagnostics: inout DiagnosticCollector) {
        for serving in pool.serving {
            let model = serving.model
            let rollout = model.serving.rollout
            guard rollout.value == .rollingUpdate, !pool.surgeFits(model) else { continue }
            let tp = model.serving.tensorParallel.value
            diagnostics.warning(
                Self.rule,
                "'\(model.name.value)' rolls out with a surge replica of \(Plural.counted(tp, "GPU")), but at its \(Plural.counted(model.replicaPlan.ceiling, "replica")) GPU class '\(pool.name)' has \(QuotaText.lessThan(tp, "GPU")) left for it: the new pod would stay Pending",
                at: rollout.span, hint: "rollout: auto (renders Recreate here)")
        }
    }
}
