import PlatcChecks
import PlatcSpec
import Testing

@testable import PlatcFacts
@testable import PlatcRender

/// The LiteLLM family on the minimal platform (model `tiny`, tenant `team`, platform `mini`) and on
/// the embedded default.
@Suite struct LiteLLMPlannerTests {
    static let lora = """
        lora:
          maxLoras: 2
          adapters:
            - name: sql-lora
              alias: tiny-sql
              image: registry.example.com/adapters/sql@sha256:3333333333333333333333333333333333333333333333333333333333333333
              tenants: [team]
            - name: tone-lora
              image: registry.example.com/adapters/tone@sha256:4444444444444444444444444444444444444444444444444444444444444444
              tenants: [other]

        """

    /// The minimal platform with a second tenant `other` that lists tiny, and tiny's LoRA adapters.
    static func withAdapters() throws -> RenderContext {
        var platform = try RenderTestPlatform()
        platform.addTenant("other", extra: "models: [tiny]\n")
        platform.edit("models/tiny.yaml", "tenants: [team]", "tenants: [team, other]")
        platform.edit("models/tiny.yaml") { $0 + Self.lora }
        return try platform.context()
    }

    static func config(_ context: RenderContext) -> YAMLValue { ProxyConfig.document(context) }

    static func entries(_ context: RenderContext) -> [YAMLValue] { config(context).at("model_list")?.listValue ?? [] }

    /// The minimal platform with a hosted model (Anthropic) the tenant lists.
    static func withHostedModel(apiBase: String? = nil) throws -> RenderContext {
        var platform = try RenderTestPlatform()
        platform.files["models/claude.yaml"] = """
            apiVersion: platc.dev/v1alpha1
            kind: Model
            name: claude
            owner: team
            status: preview
            description: Claude, hosted by Anthropic.
            aliases: [claude-haiku, haiku]
            provider:
              name: anthropic
              model: claude-haiku-4-5
              apiKeyRef: {name: anthropic, key: api-key}\(apiBase.map { "\n  apiBase: \($0)" } ?? "")
            tenants: [team]
            pricing: {inputPerMillion: 1, outputPerMillion: 5}
            rateLimits: {rpm: 101, tpm: 50000}

            """
        platform.edit("tenants/team.yaml", "models: [tiny]", "models: [tiny, claude]")
        return try platform.context()
    }

    /// A hosted model's names call its provider with the key from LiteLLM's environment, with the
    /// served models' attempts, its prices, its tenants' access groups and its share of its limits.
    @Test func aHostedModelCallsItsProvider() throws {
        let entries = Self.entries(try Self.withHostedModel())
        #expect(entries.map { $0.at("model_name")?.stringValue } == ["tiny", "claude-haiku", "haiku"])
        let haiku = entries[1]
        #expect(haiku.at("litellm_params.model") == "anthropic/claude-haiku-4-5")
        #expect(haiku.at("litellm_params.api_key") == "os.environ/ANTHROPIC_API_KEY")
        #expect(haiku.at("litellm_params.api_base") == nil, "LiteLLM's default endpoint for the provider")
        #expect(haiku.at("litellm_params.max_retries") == .int(0))
        #expect(haiku.at("litellm_params.timeout") == entries[0].at("litellm_params.timeout"))
        #expect(haiku.at("litellm_params.rpm") == .int(51) && entries[2].at("litellm_params.rpm") == .int(50))
        #expect(haiku.at("model_info.id") == "claude.claude-haiku")
        #expect(haiku.at("model_info.access_groups") == .list(["tenant:team"]))
        #expect(haiku.at("model_info.input_cost_per_token") == .decimal("0.000001"))
        #expect(haiku.at("model_info.max_tokens") == nil, "the provider's own limits")
        let based = Self.entries(try Self.withHostedModel(apiBase: "https://eu.anthropic.example.com"))
        #expect(based[1].at("litellm_params.api_base") == "https://eu.anthropic.example.com")
    }

    /// A parked model stays in model_list (its teams stay valid) but LiteLLM refuses it at once.
    @Test func aParkedModelIsBlocked() throws {
        var platform = try RenderTestPlatform()
        platform.edit("models/tiny.yaml", "  gpuMemoryUtilization: 0.8\n", "  gpuMemoryUtilization: 0.8\n  replicas: {min: 0, max: 0}\n")
        let entry = try #require(Self.entries(try platform.context()).first)
        #expect(entry.at("model_info.blocked") == .bool(true))
        let open = try #require(Self.entries(try RenderTestPlatform().context()).first)
        #expect(open.at("model_info.blocked") == nil, "only parked models are blocked")
    }

    @Test func toolCallingAndReasoningAreDiscoverable() throws {
        var platform = try RenderTestPlatform()
        platform.edit(
            "models/tiny.yaml", "  gpuMemoryUtilization: 0.8\n", "  gpuMemoryUtilization: 0.8\n  toolCallParser: hermes\n")
        let entry = try #require(Self.entries(try platform.context()).first)
        #expect(entry.at("model_info.supports_function_calling") == .bool(true))
        #expect(entry.at("model_info.supports_reasoning") == nil)
    }

    @Test func oneEntryPerAliasAndAdapter() throws {
        let context = try Self.withAdapters()
        let entries = Self.entries(context)
        #expect(entries.compactMap { $0.at("model_name")?.stringValue } == ["tiny", "tiny-sql", "tone-lora"])
        #expect(
            entries.compactMap { $0.at("litellm_params.model")?.stringValue } == [
                "hosted_vllm/Qwen/Qwen2.5-0.5B-Instruct", "hosted_vllm/sql-lora", "hosted_vllm/tone-lora",
            ])
        let ids = entries.compactMap { $0.at("model_info.id")?.stringValue }
        #expect(ids == ["tiny.tiny", "tiny.tiny-sql", "tiny.tone-lora"])
        #expect(Set(ids).count == ids.count)
    }

    @Test func namesAgreeWithTheServingFamily() throws {
        let context = try Self.withAdapters()
        let serving = ServingPlanner.plan(context)
        let deployment = try serving.object("Deployment", "tiny")
        let service = try serving.object("Service", "tiny")
        // vLLM answers to its served name and to each --lora-modules name.
        let served = try #require(deployment.argument("--served-model-name"))
        let modules = deployment.args.drop { $0 != "--lora-modules" }.dropFirst().map { String($0.prefix { $0 != "=" }) }
        let answered = Set([served] + modules)
        let port = service.spec?.at("ports.0.port")?.intValue
        for entry in Self.entries(context) {
            let upstream = try #require(entry.at("litellm_params.model")?.stringValue?.replacing("hosted_vllm/", with: ""))
            // What LiteLLM sends as `model` is a name vLLM serves.
            #expect(answered.contains(upstream))
            #expect(
                entry.at("litellm_params.api_base")?.stringValue
                    == "http://\(service.name).\(service.namespace ?? "").svc.cluster.local:\(port ?? 0)/v1")
        }
        #expect(deployment.argument("--served-model-name") == "Qwen/Qwen2.5-0.5B-Instruct")
    }

    @Test func pricesAreExactDecimalsPerToken() throws {
        var platform = try RenderTestPlatform()
        platform.edit("models/tiny.yaml", "inputPerMillion: 0.01", "inputPerMillion: 0.123457")
        platform.edit("models/tiny.yaml", "outputPerMillion: 0.02", "outputPerMillion: 1500")
        let entry = try #require(Self.entries(try platform.context()).first)
        #expect(entry.at("model_info.input_cost_per_token") == .decimal("0.000000123457"))
        #expect(entry.at("model_info.output_cost_per_token") == .decimal("0.0015"))
        #expect(TokenPrice.perToken(USD(micros: 0)) == .decimal("0"))
        #expect(TokenPrice.perToken(USD(micros: 100_000)) == .decimal("0.0000001"))
        #expect(TokenPrice.perToken(USD(micros: 3_000_000_000_000)) == .decimal("3"))
    }

    @Test func modelInfoFromTheModel() throws {
        let entry = try #require(Self.entries(try RenderTestPlatform().context()).first)
        #expect(entry.at("model_info.mode")?.stringValue == "chat")
        #expect(entry.at("model_info.max_tokens")?.intValue == 4096)
        #expect(entry.at("model_info.max_input_tokens")?.intValue == 4096)
        #expect(entry.at("litellm_params.max_retries")?.intValue == 0)
        // No rateLimits on tiny: no rpm/tpm.
        #expect(entry.at("litellm_params.rpm") == nil)
        #expect(entry.at("litellm_params.tpm") == nil)
    }

    @Test func accessGroupsNeedBothSidesAndAdaptersTheirOwnTenants() throws {
        let context = try Self.withAdapters()
        let groups = Self.entries(context).map { $0.at("model_info.access_groups")?.strings ?? [] }
        #expect(groups == [["tenant:other", "tenant:team"], ["tenant:team"], ["tenant:other"]])
        // A model listing a tenant that does not list it back grants nothing.
        var platform = try RenderTestPlatform()
        platform.addTenant("other")
        platform.edit("models/tiny.yaml", "tenants: [team]", "tenants: [team, other]")
        let oneSided = Self.entries(try platform.context())
        #expect(oneSided.first?.at("model_info.access_groups")?.strings == ["tenant:team"])
    }

    @Test func accessGroupsNeverCollideWithModelNames() throws {
        let context = try RenderTestPlatform.embeddedDefault().context()
        let entries = Self.entries(context)
        let names = Set(entries.compactMap { $0.at("model_name")?.stringValue })
        let groups = Set(entries.flatMap { $0.at("model_info.access_groups")?.strings ?? [] })
        #expect(!groups.isEmpty)
        #expect(names.isDisjoint(with: groups))
        // Aliases are lowercase without ':' (the language's modelAlias format); groups always hold one.
        #expect(groups.allSatisfy { $0.contains(":") && !StringFormat.modelAlias.accepts($0) })
    }

    @Test func rateLimitsAreSplitOverTheEngineEntries() throws {
        var platform = try RenderTestPlatform()
        platform.edit("models/tiny.yaml") { $0 + "rateLimits: {rpm: 100, tpm: 1000}\n" + Self.lora }
        platform.addTenant("other", extra: "models: [tiny]\n")
        platform.edit("models/tiny.yaml", "tenants: [team]", "tenants: [team, other]")
        let entries = Self.entries(try platform.context())
        #expect(entries.compactMap { $0.at("litellm_params.rpm")?.intValue } == [34, 33, 33])
        #expect(entries.compactMap { $0.at("litellm_params.tpm")?.intValue } == [334, 333, 333])
        #expect(CallableName.share(2, among: 3, index: 2) == 1)
        let checks = Self.config(try platform.context()).at("router_settings.optional_pre_call_checks")?.strings
        #expect(checks == ["enforce_model_rate_limits"])
    }

    @Test func routerSettingsFollowTheTimeoutSpec() throws {
        // Embedded default: timeout 120s, streamTimeout 30s, 1 retry, 1s backoff, 3 fails, 30s cooldown.
        let config = Self.config(try RenderTestPlatform.embeddedDefault().context())
        let router = try #require(config.at("router_settings"))
        #expect(router.at("num_retries")?.intValue == 1)
        #expect(router.at("timeout")?.intValue == 120)
        #expect(router.at("stream_timeout")?.intValue == 30)
        #expect(router.at("retry_after")?.intValue == 1)
        #expect(router.at("allowed_fails")?.intValue == 3)
        #expect(router.at("cooldown_time")?.intValue == 30)
        #expect(router.at("routing_strategy")?.stringValue == "simple-shuffle")
        let policy = try #require(router.at("retry_policy")?.mapValue)
        let zero = [
            "BadRequestErrorRetries", "AuthenticationErrorRetries", "ContentPolicyViolationErrorRetries", "NotFoundErrorRetries",
            "TimeoutErrorRetries", "RateLimitErrorRetries",
        ]
        for key in zero { #expect(policy[key]?.intValue == 0, "\(key)") }
        for key in ["InternalServerErrorRetries", "ServiceUnavailableErrorRetries", "DefaultRetries"] {
            #expect(policy[key]?.intValue == 1, "\(key)")
        }
        #expect(config.at("litellm_settings")?.mapValue?.entries.map(\.key) == ["request_timeout", "disable_hf_tokenizer_download"])
        #expect(config.at("litellm_settings.request_timeout")?.intValue == 120)
        for entry in config.at("model_list")?.listValue ?? [] {
            #expect(entry.at("litellm_params.timeout")?.intValue == 120)
            #expect(entry.at("litellm_params.stream_timeout")?.intValue == 30)
        }
    }

    @Test func minimalPlatformLeavesStreamTimeoutOutAndWritesSubSecondDurations() throws {
        var platform = try RenderTestPlatform()
        let plain = Self.config(try platform.context())
        #expect(plain.at("router_settings.stream_timeout") == nil)
        #expect(plain.at("model_list.0.litellm_params.stream_timeout") == nil)
        #expect(plain.at("router_settings.retry_after")?.intValue == 0)
        platform.edit("platform/mini.yaml", "timeout: 50s", "timeout: 50500ms")
        #expect(Self.config(try platform.context()).at("router_settings.timeout") == .decimal("50.5"))
    }

    @Test func generalSettingsReadEveryCredentialFromTheEnvironment() throws {
        let config = Self.config(try RenderTestPlatform.embeddedDefault().context())
        #expect(config.at("general_settings.master_key")?.stringValue == "os.environ/LITELLM_MASTER_KEY")
        #expect(config.at("general_settings.database_url")?.stringValue == "os.environ/DATABASE_URL")
        #expect(config.at("general_settings.store_model_in_db") == .bool(false))
        for entry in config.at("model_list")?.listValue ?? [] {
            #expect(entry.at("litellm_params.api_key")?.stringValue == "os.environ/VLLM_API_KEY")
        }
    }

    @Test func configMapHoldsTheSameBytesAsThePlainFile() throws {
        let context = try RenderTestPlatform.embeddedDefault().context()
        let configMap = try LiteLLMPlanner.plan(context).object("ConfigMap", "litellm-config", in: "litellm")
        let file = try #require(LiteLLMPlanner.files(context).first { $0.path == "litellm/config.yaml" })
        let bytes = String(decoding: file.artifact().bytes, as: UTF8.self)
        #expect(configMap.bodyValue("data")?.value(at: "config.yaml")?.stringValue == bytes)
        #expect(bytes.hasPrefix("# Generated by platc"))
    }
}
