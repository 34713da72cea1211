import PlatcFacts
import PlatcSpec

public enum ZeroFloor: CheckRule {
    public static let rule = Rule(
        id: "quota/zero-floor", severity: .warning,
        summary:
            "A model KEDA autoscales from min replicas 0 has no warm floor: with no replica running its calls fail, and nothing scales it up.",
        rationale:
            "LiteLLM's call to a Service with no endpoints fails (connection refused), and the KEDA triggers platc renders read vLLM's own metrics, which do not exist while no vLLM runs: a model at zero replicas stays at zero until someone scales it by hand. Idle at zero on purpose is written `autoscaling: none` (scaled by hand) or `replicas: {min: 0, max: 0}` (parked).",
        example: """
            models/rare.yaml
            serving:
              replicas: {min: 0, max: 2}
            """,
        fix:
            "Set replicas.min to 1 where the class has a GPU to spare for it; otherwise say the model idles at zero on purpose: autoscaling: none."
    )

    public static func check(_ context: inout CheckContext) {
        for pool in context.facts.pools { check(pool, into: &context.diagnostics) }
    }

    /// The hint must pass the quota rules it touches: `min: 1` adds TP GPUs to the class's warm
    /// floor, so it is offered (in name order) only while the floor and the tenants' nominal
    /// quota stay within capacity (`quota/warm-floor`, `quota/nominal-over-capacity`); the
    /// other models get `autoscaling: none`, which adds nothing.
    private static func check(_ pool: GPUPool, into diagnostics: inout DiagnosticCollector) {
        var held = pool.warmFloor + pool.nominal
        let idle = pool.serving.filter { $0.model.replicaPlan.mode == .keda && $0.model.replicaPlan.floor == 0 }
        for serving in idle.sorted(by: { $0.model.name.value < $1.model.name.value }) {
            let model = serving.model
            let tp = model.serving.tensorParallel.value
            let hint: String
            if held + tp <= pool.capacity {
                held += tp
                hint = "min: 1"
            } else {
                hint =
                    "serving.autoscaling: none (idle at zero, scaled by hand): GPU class '\(pool.name)' has \(QuotaText.lessThan(tp, "GPU")) to spare for min: 1"
            }
            diagnostics.warning(
                Self.rule,
                "'\(model.name.value)' has min replicas 0 and KEDA autoscaling: with no replica running its calls fail, and its autoscaler's vLLM metrics do not exist at zero, so it is never scaled up",
                at: model.serving.replicas.min.span, hint: hint)
        }
    }
}
