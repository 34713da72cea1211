import PlatcFacts
import PlatcSpec

public enum KEDASettings: CheckRule {
    public static let rule = Rule(
        id: "quota/keda-settings",
        summary:
            "autoscaling: keda (or keda settings) on a model that KEDA does not scale (min = max, parked, or autoscaling: none), or fallbackReplicas outside min…max.",
        rationale:
            "KEDA needs max > min to scale at all (with min = max its HPA never moves, and parked models have no autoscaler), and KEDA applies fallback replicas as they are, so a fallback outside the bounds would park the model or overshoot the GPUs the quota rules counted.",
        example: """
            models/chat.yaml
            serving:
              replicas: {min: 2, max: 2}
              autoscaling: keda
            """,
        fix: "Raise max replicas above min or drop autoscaling: keda (and keda: with it); keep keda.fallbackReplicas between min and max.")

    public static func check(_ context: inout CheckContext) {
        for model in context.spec.models { check(model, into: &context.diagnostics) }
    }

    private static func check(_ model: Model, into diagnostics: inout DiagnosticCollector) {
        let serving = model.serving
        let plan = model.replicaPlan
        if let written = serving.autoscaling, written.value == .keda, plan.mode != .keda {
            let bounds =
                plan.mode == .parked ? "it is parked (min 0, max 0)" : "its replicas are fixed at \(plan.floor) (min = max)"
            diagnostics.error(
                Self.rule, "'\(model.name.value)' asks for KEDA autoscaling, but \(bounds): there is nothing to scale",
                at: written.span, hint: plan.mode == .parked ? "autoscaling: none" : "autoscaling: none, or replicas.max: \(plan.floor + 1)"
            )
        }
        if serving.keda.isWritten, plan.mode != .keda, serving.autoscaling?.value != .keda {
            diagnostics.error(
                Self.rule,
                "'\(model.name.value)' sets keda, but KEDA does not scale it (\(plan.description)): the settings would have no effect",
                at: serving.keda.span, hint: plan.mode == .manual ? "remove keda, or set autoscaling: keda" : "remove keda")
        }
        if plan.mode == .keda, let fallback = serving.keda.fallbackReplicas, !(plan.floor...plan.ceiling).contains(fallback.value) {
            diagnostics.error(
                Self.rule,
                "'\(model.name.value)' falls back to \(Plural.counted(fallback.value, "replica")) when KEDA cannot read its metrics, outside its replicas \(plan.floor)…\(plan.ceiling)",
                at: fallback.span, hint: "fallbackReplicas: \(min(max(fallback.value, plan.floor), plan.ceiling))")
        }
    }
}
