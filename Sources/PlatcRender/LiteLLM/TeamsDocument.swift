import PlatcSpec

/// `out/litellm/teams.json`: one `/team/new` body per tenant, in tenant name order. Teams live in
/// LiteLLM's database, not its config; the reconciler Job applies this document through the API.
/// Only keys of LiteLLM's `NewTeamRequest` (it silently drops any other).
enum TeamsDocument {
    static func value(_ context: RenderContext) -> JSONValue {
        let callable = Set(LiteLLMEntry.all(context).flatMap(\.tenants))
        let tenants = context.spec.tenants.sorted { $0.name.value < $1.name.value }
        return .array(tenants.map { team($0, canCallSomething: callable.contains($0.name.value), context.platform) })
    }

    static func team(_ tenant: Tenant, canCallSomething: Bool, _ platform: Platform) -> JSONValue {
        let name = tenant.name.value
        return .object([
            ("team_id", .string(name)),
            ("team_alias", .string(tenant.displayName?.value ?? name)),
            // The tenant's access group; LiteLLM reads an empty list as "every model".
            ("models", .array([.string(canCallSomething ? LiteLLMNames.accessGroup(name) : LiteLLMNames.noModels)])),
            // USD; the shortest Double spelling of micros ÷ 10⁶ is exact below $9 billion.
            ("max_budget", .double(Double(tenant.budget.usd.value.micros) / 1_000_000)),
            // The language's periods (h, d, mo) are LiteLLM durations as written.
            ("budget_duration", .string(tenant.budget.period.value)),
            ("tpm_limit", .integer(tenant.rateLimits.tpm.value)),
            ("rpm_limit", .integer(tenant.rateLimits.rpm.value)),
            // What the reconciler recognises as its own when a tenant disappears.
            (
                "metadata",
                .object([(LiteLLMNames.managedByKey, .string("platc")), (LiteLLMNames.platformKey, .string(platform.name.value))])
            ),
        ])
    }

    static func file(_ context: RenderContext) -> OutputFile {
        OutputFile(path: LiteLLMNames.teamsFile, sources: ProxyConfig.sources(context), contents: .json(value(context)))
    }
}
