import PlatcFacts
import PlatcSpec

/// Input and output prices > 0; an embedding model's output price may be 0 (it has no output
/// tokens to count).
public enum MissingPrice: CheckRule {
    public static let rule = Rule(
        id: "quota/missing-price",
        summary: "A model's pricing.inputPerMillion or pricing.outputPerMillion is 0 (output may be 0 for embedding models).",
        rationale:
            "LiteLLM counts spend from the price per token; at 0 a tenant's calls cost nothing, so its budget never binds (the seed platform learned this the hard way). Embedding models produce no output tokens, so only their input price counts.",
        example: """
            models/llama.yaml
            pricing:
              inputPerMillion: 0
              outputPerMillion: 0.20
            """,
        fix: "Set a price above 0: what a million tokens costs to serve, or at least 0.000001.")

    public static func check(_ context: inout CheckContext) {
        for model in context.facts.offeredModels { check(model, &context) }
    }

    private static func check(_ model: any OfferedModel, _ context: inout CheckContext) {
        let pricing = model.pricing
        var unpriced = [("inputPerMillion", "input", pricing.inputPerMillion)]
        if model.mode.value != .embedding { unpriced.append(("outputPerMillion", "output", pricing.outputPerMillion)) }
        for (key, side, price) in unpriced where price.value.micros == 0 {
            context.diagnostics.error(
                Self.rule,
                "model '\(model.name.value)' costs $0 per million \(side) tokens, so LiteLLM counts no spend for them and tenant budgets never bind",
                at: price.span, notes: budgetsNotBinding(model, context),
                hint: "\(key): 0.000001 or more (what a million \(side) tokens cost to serve)")
        }
    }

    /// The budgets this model's calls escape: tenants that list the model.
    static func budgetsNotBinding(_ model: any OfferedModel, _ context: CheckContext) -> [Diagnostic.Note] {
        var parts = Contributions()
        for tenant in context.spec.tenants where tenant.models.contains(where: { $0.value == model.name.value }) {
            let usd = tenant.budget.usd
            parts.add(
                usd.value.micros,
                "'\(tenant.name.value)' has a budget of \(Figures.dollars(usd.value)) per \(tenant.budget.period.value)",
                at: usd.span)
        }
        return parts.notes(noun: "tenant") { "\(Figures.dollars(USD(micros: $0))) of budgets" }
    }
}
