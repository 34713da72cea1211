import PlatcFacts
import PlatcSpec

public enum ReservedAlias: CheckRule {
    public static let rule = Rule(
        id: "ref/reserved-alias",
        summary:
            "A model alias or a LoRA adapter's name is one of LiteLLM's special model names (`all-team-models`, "
            + "`all-proxy-models`, `no-default-models`).",
        rationale:
            "LiteLLM reads these names in a team's or key's `models` as grants, not as models "
            + "(`SpecialModelNames` in litellm/proxy/_types.py): platc gives a tenant that may call nothing the team models "
            + "`[no-default-models]`, so a model called that would be open to exactly the tenants meant to have none, and "
            + "`all-proxy-models` would read as every model.",
        example: """
            models/default.yaml
            aliases: [all-proxy-models]
            """,
        fix: "Pick another alias; an adapter without `alias` is called by its name, so give it an alias.")

    /// LiteLLM 1.106.12, `SpecialModelNames`.
    static let reserved: Set<String> = ["all-team-models", "all-proxy-models", "no-default-models"]

    public static func check(_ context: inout CheckContext) {
        for model in context.facts.offeredModels {
            let name = model.name.value
            var names = model.aliases.map { ($0, "model '\(name)'", "\(name)") }
            for adapter in model.loraAdapters {
                names.append(
                    (
                        adapter.alias ?? adapter.name, "adapter '\(adapter.name.value)' of model '\(name)'",
                        "\(name)-\(adapter.name.value)"
                    ))
            }
            for (alias, owner, proposal) in names where reserved.contains(alias.value) {
                context.diagnostics.error(
                    Self.rule,
                    "\(owner) is called '\(alias.value)', one of LiteLLM's special model names: in a team's models it grants "
                        + "access instead of naming a model",
                    at: alias.span, hint: "pick another alias, e.g. '\(proposal)'", replacement: proposal)
            }
        }
    }
}
