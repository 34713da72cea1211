import PlatcFacts
import PlatcSpec

public enum ProviderAPIBase: CheckRule {
    public static let rule = Rule(
        id: "ref/provider-api-base",
        summary: "A hosted model's `provider.apiBase` ends in the path LiteLLM appends to it, so every call goes to a doubled path.",
        rationale:
            "LiteLLM appends the provider's path to `api_base`: `/v1/messages` for Anthropic, `/chat/completions` for the "
            + "OpenAI-compatible providers (docs/research/litellm-hosted-notes.md). A base that already ends in it, or an "
            + "Anthropic base ending in `/v1`, calls `…/v1/v1/messages` and every request fails with 404 — and LiteLLM then "
            + "cools the model down for everyone.",
        example: """
            models/claude.yaml
            provider: {name: anthropic, apiBase: https://anthropic.example.com/v1, …}
            """,
        fix: "Write the base without the path LiteLLM appends (for Anthropic, the host without `/v1`).")

    public static func check(_ context: inout CheckContext) {
        for model in context.spec.hostedModels {
            let provider = model.provider
            guard let base = provider.apiBase, let fixed = trimmed(base.value, provider: provider.name.value) else { continue }
            context.diagnostics.error(
                Self.rule,
                "model '\(model.name.value)' calls \(provider.name.value) at '\(base.value)', to which LiteLLM appends "
                    + "'\(appended(provider.name.value))': the calls would go to a doubled path",
                at: base.span, hint: "write `apiBase: \(fixed)`", replacement: fixed)
        }
    }

    static func appended(_ provider: String) -> String {
        HostedModel.Provider.appendedPaths.first { $0.name == provider }?.path ?? ""
    }

    /// The base without the suffix LiteLLM would repeat; nil when it has none.
    static func trimmed(_ base: String, provider: String) -> String? {
        // Anthropic's path starts with the version: a base ending in `/v1` doubles it too. Gemini's
        // path holds the model (`<model>`), which no base ends in.
        let suffixes = [appended(provider)].filter { !$0.contains("<") } + (provider == "anthropic" ? ["/v1"] : [])
        let text = base.hasSuffix("/") ? String(base.dropLast()) : base
        return suffixes.first(where: text.hasSuffix).map { String(text.dropLast($0.count)) }
    }
}
