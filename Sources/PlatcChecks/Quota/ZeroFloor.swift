import PlatcSpec

extension Rule {
    /// `quota/zero-floor`: A model with no warm floor (min replicas 0) is never served on its own.
    public static let quotaZeroFloor = Rule(
        id: "quota/zero-floor", severity: .warning,
        summary: "A model with min replicas 0 has no warm floor: with no replica running its calls fail, and nothing scales it up.",
        rationale:
            "LiteLLM's call to a Service with no endpoints fails (connection refused), and the KEDA trigger platc renders scales on vLLM's own queue-depth metric, which does not exist while no vLLM runs: a model at zero replicas stays at zero until someone scales it by hand.",
        example: """
            models/rare.yaml
            serving:
              replicas: {min: 0, max: 2}
            """,
        fix: "Set replicas.min to 1 (or more), or remove the model until it is needed.")
}

extension QuotaChecks {
    enum ZeroFloor {
        static func check(_ model: Model, into diagnostics: inout DiagnosticCollector) {
            let replicas = model.serving.replicas
            guard replicas.min.value == 0 else { return }
            diagnostics.warning(
                .quotaZeroFloor,
                "'\(model.name.value)' has min replicas 0: with no replica running its calls fail, and its autoscaler's queue-depth metric does not exist at zero, so it is never scaled up",
                at: replicas.min.span, hint: "min: 1")
        }
    }
}
