import PlatcFacts
import PlatcSpec

public enum TeamsUnreconciled: CheckRule {
    public static let rule = Rule(
        id: "quota/teams-unreconciled",
        severity: .warning,
        summary:
            "The platform sets no `litellm.image`, so platc renders no team reconciler: tenant budgets and rate limits "
            + "bind only if something else creates the LiteLLM teams.",
        rationale:
            "LiteLLM keeps teams, budgets and rate limits in its database, not in its config file. platc renders them as "
            + "out/litellm/teams.json and a PostSync Job that creates or updates each team through LiteLLM's API; that Job "
            + "runs in the LiteLLM image. Without the image the teams document is still rendered, but unless another "
            + "reconciler (Terraform, an operator) applies it, no tenant budget or rate limit is enforced.",
        example: """
            platform/lab.yaml
            # no litellm: block, or one without image:
            """,
        fix:
            "Set `litellm.image` to the LiteLLM image the proxy runs, pinned by digest "
            + "(e.g. `registry.example.com/litellm/litellm@sha256:<64 hex>`).")

    public static func check(_ context: inout CheckContext) {
        check(context.spec, into: &context.diagnostics)
    }

    private static func check(_ spec: Spec, into diagnostics: inout DiagnosticCollector) {
        guard spec.platform.litellm.image == nil, !spec.tenants.isEmpty else { return }
        let count = spec.tenants.count
        diagnostics.warning(
            Self.rule,
            "the platform sets no litellm.image, so no reconciler creates the LiteLLM teams of its \(Plural.counted(count, "tenant")): their budgets and rate limits are not enforced",
            at: spec.platform.name.span,
            hint: Diagnostic.noSingleValue(
                "add `litellm: {image: <LiteLLM image>@sha256:<digest>}` to the platform, or apply out/litellm/teams.json with another reconciler"
            ))
    }
}
