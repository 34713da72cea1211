import PlatcFacts
import PlatcSpec

public enum DuplicateAlias: CheckRule {
    public static let rule = Rule(
        id: "ref/duplicate-alias",
        summary: "Two models or LoRA adapters claim the same alias (LiteLLM `model_name`).",
        rationale:
            "LiteLLM treats deployments that share a model_name as one group and load-balances across them: a tenant "
            + "calling the alias would get answers from either model, at either price.",
        example: """
            models/qwen-small.yaml and models/qwen-coder.yaml
            aliases: [qwen]   # in both
            """,
        fix: "Give each model and adapter aliases of its own; an adapter without `alias` is called by its name.")

    public static func check(_ context: inout CheckContext) {
        var claims = NameClaims()
        for model in context.facts.offeredModels {
            let name = model.name.value
            for alias in model.aliases {
                claims.add(alias, by: "model '\(name)'", field: "alias", format: .modelAlias, proposal: name)
            }
            for adapter in model.loraAdapters {
                // LiteLLM calls an adapter without an alias by its name.
                let alias = adapter.alias ?? adapter.name
                let unnamed = adapter.alias == nil ? " (called by its name, it has no alias)" : ""
                claims.add(
                    alias, by: "adapter '\(adapter.name.value)'\(unnamed) of model '\(name)'", field: "alias", format: .modelAlias,
                    proposal: "\(name)-\(adapter.name.value)")
            }
        }
        for (first, again) in claims.repeats {
            let free = claims.freeName(for: again)
            context.diagnostics.error(
                Self.rule,
                "alias '\(again.name)' of \(again.claimant) is already claimed by \(first.claimant): "
                    + "LiteLLM would load-balance the alias across both and answer with either",
                at: again.span, notes: [.init("\(first.claimant) claims '\(first.name)' here", at: first.span)],
                hint: "give it an alias of its own" + (free.map { ", e.g. '\($0)'" } ?? ""),
                replacement: free)
        }
    }
}
