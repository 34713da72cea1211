import PlatcFacts
import PlatcSpec

public enum UnknownModel: CheckRule {
    public static let rule = Rule(
        id: "ref/unknown-model",
        summary: "A tenant's `models` names a model that models/ does not define.",
        rationale:
            "The tenant's LiteLLM team would be allowed a model that is not served: its calls would fail with "
            + "'model not found' in production instead of in review.",
        example: """
            tenants/search.yaml
            models: [llama-3-1-8b]   # models/ defines llama-3-1-8b-instruct
            """,
        fix: "Correct the name (the hint suggests the closest model) or remove the entry.")

    public static func check(_ context: inout CheckContext) {
        let defined = context.facts.offeredModels.map(\.name)
        for tenant in context.spec.tenants {
            for entry in tenant.models where context.offeredModel(named: entry.value) == nil {
                let suggestion = Suggestion(
                    for: entry.value, kind: "model", defined: defined,
                    otherwise: "add models/\(entry.value).yaml or remove '\(entry.value)' from this list",
                    listed: tenant.models.map(\.value))
                context.diagnostics.error(
                    Self.rule, "tenant '\(tenant.name.value)' lists model '\(entry.value)', but no model has that name",
                    at: entry.span, notes: suggestion.notes, hint: suggestion.hint, replacement: suggestion.replacement)
            }
        }
    }
}
