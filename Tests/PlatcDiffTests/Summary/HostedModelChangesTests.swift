import PlatcDiff
import PlatcFacts
import Testing

/// Hosted models in the summary: added with what LiteLLM calls and the key's variable, and a
/// change of provider or endpoint in platform terms.
@Suite struct HostedModelChangesTests {
    static let claude = """
        apiVersion: platc.dev/v1alpha1
        kind: Model
        name: claude
        owner: team
        status: ga
        description: Hosted.
        aliases: [claude-haiku]
        provider:
          name: anthropic
          model: claude-haiku-4-5
          apiKeyRef: {name: anthropic, key: ANTHROPIC_API_KEY}
        tenants: [team]
        pricing: {inputPerMillion: 1, outputPerMillion: 5}

        """

    @Test func anAddedHostedModelSaysWhatLiteLLMCalls() throws {
        let base = try SummaryPlatform()
        var head = base
        head.files["models/claude.yaml"] = Self.claude
        head.edit("tenants/team.yaml", "models: [tiny]", "models: [tiny, claude]")
        let summary = try SummaryPlatform.summary(base, head)
        #expect(
            summary.changes.contains(
                .change(
                    .models, "claude", "added", nil, "anthropic/claude-haiku-4-5",
                    "Hosted model claude added (anthropic/claude-haiku-4-5, key from env ANTHROPIC_API_KEY; names claude-haiku)")))
        #expect(summary.changes.contains { $0.subject == "team" && $0.field == "callable names" })
        #expect(summary.introduced == [])
    }

    @Test func aNewProviderModelAndEndpointAreChanges() throws {
        var base = try SummaryPlatform()
        base.files["models/claude.yaml"] = Self.claude
        base.edit("tenants/team.yaml", "models: [tiny]", "models: [tiny, claude]")
        var head = base
        head.edit("models/claude.yaml", "model: claude-haiku-4-5", "model: claude-sonnet-4-5\n  apiBase: https://eu.example.com")
        let summary = try SummaryPlatform.summary(base, head)
        #expect(
            summary.changes == [
                .change(
                    .models, "claude", "api base", nil, "https://eu.example.com",
                    "API base of hosted model claude: none → https://eu.example.com"),
                .change(
                    .models, "claude", "provider", "anthropic/claude-haiku-4-5", "anthropic/claude-sonnet-4-5",
                    "Provider of hosted model claude: anthropic/claude-haiku-4-5 → anthropic/claude-sonnet-4-5"),
            ])
    }
}
