import PlatcFacts
import PlatcSpec

/// A pooled model must keep a pod for its pool to pick. Reported at `serving.replicas.min`.
public enum EmptyPool: CheckRule {
    public static let rule = Rule(
        id: "routing/empty-pool",
        summary:
            "In inference-gateway mode, a model that idles at zero replicas (min 0, not parked) would leave its InferencePool with no pod to pick.",
        rationale:
            "An InferencePool with no ready endpoint answers every request with 503, and nothing in the request path wakes "
            + "the model: the gateway does not queue, KEDA's triggers are vLLM's own metrics, which do not exist at zero, "
            + "and LiteLLM counts the 503s against the deployment until it cools it down. A parked model is different: "
            + "LiteLLM refuses it before routing, and platc renders it no pool.",
        example: """
            models/rare.yaml
            serving:
              replicas: {min: 0, max: 1}
              autoscaling: none
            """,
        fix:
            "Keep a warm replica (`replicas.min: 1`), park the model (`replicas: {min: 0, max: 0}`), or route directly (`routing.mode: direct`)."
    )

    /// The hint must pass the quota rules it touches, as `quota/zero-floor`'s does: `min: 1` adds
    /// TP GPUs to the class's warm floor, so it leads only while the floor and the tenants'
    /// nominal quota stay within capacity (models in name order); otherwise no one edit at the
    /// caret fixes it, and the hint says which edits do.
    public static func check(_ context: inout CheckContext) {
        var held: [String: Int64] = [:]
        let idle = context.facts.pooledModels.filter { $0.replicas.floor == 0 }.sorted { $0.model.name.value < $1.model.name.value }
        for model in idle {
            let serving = model.model.serving
            let tp = serving.tensorParallel.value
            let alternatives = "park it with replicas.max: 0, or route directly with routing.mode: direct"
            let hint: String
            if let pool = context.facts.pool(named: serving.gpuClass.value),
                held[pool.name, default: pool.warmFloor + pool.nominal] + tp <= pool.capacity
            {
                held[pool.name, default: pool.warmFloor + pool.nominal] += tp
                hint = "min: 1 (a warm replica for the pool to pick); or " + alternatives
            } else {
                hint = Diagnostic.noSingleValue(
                    "GPU class '\(serving.gpuClass.value)' has \(QuotaText.lessThan(tp, "GPU")) to spare for a warm replica "
                        + "(min: 1); " + alternatives)
            }
            context.diagnostics.error(
                Self.rule,
                "'\(model.model.name.value)' has min replicas 0, so at idle its InferencePool selects no pods and the inference "
                    + "Gateway answers its calls with 503 until someone scales it up",
                at: serving.replicas.min.span, hint: hint)
        }
    }
}
