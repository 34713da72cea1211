import PlatcFacts
import PlatcSpec

/// `model_list`: one deployment per LiteLLMEntry, then one per name of each hosted model.
enum ModelList {
    static func value(_ entries: [LiteLLMEntry], _ context: RenderContext) -> YAMLValue {
        let router = context.platform.timeouts.router
        return .list(entries.map { entry($0, router) } + HostedEntry.all(context.facts).map { hosted($0, router) })
    }

    static func entry(_ entry: LiteLLMEntry, _ router: Platform.Timeouts.Router) -> YAMLValue {
        let model = entry.serving.model
        return [
            "model_name": .string(entry.modelName),
            "litellm_params": [
                // The name vLLM serves (--served-model-name or the --lora-modules name);
                // hosted_vllm sends it upstream as the request's `model`.
                "model": .string("hosted_vllm/\(entry.upstreamName)"),
                "api_base": .string(entry.apiBase),
                // vLLM's --api-key, read from the proxy's environment: never a value in out/.
                "api_key": .string("os.environ/\(Conventions.vllmAPIKeyVariable)"),
            ] + attempts(router, entry.callable),
            "model_info": [
                "id": .string(entry.id),
                "mode": .string(model.mode.value.rawValue),
                "max_tokens": .int(model.serving.maxModelLen.value),
                "max_input_tokens": .int(model.serving.maxModelLen.value),
            ] + priceAndAccess(model, entry.callable) + [
                // What clients discover in /model_group/info (LiteLLM's router reads these keys):
                // only what vLLM was started to parse.
                "supports_function_calling": model.serving.toolCallParser != nil ? true : nil,
                "supports_reasoning": model.serving.reasoningParser != nil ? true : nil,
                // A parked model fails at once: LiteLLM answers 403 "Model is blocked" before
                // routing (no upstream call, retry or cooldown), instead of waiting out a Service
                // with no endpoints (docs/render-litellm.md § Parked models).
                "blocked": entry.serving.replicas.mode == .parked ? true : nil,
            ],
        ]
    }

    /// A hosted model's name: the provider's model, its key from LiteLLM's environment, and the
    /// same attempts, prices and access as a served one. No context length: the provider's own.
    static func hosted(_ entry: HostedEntry, _ router: Platform.Timeouts.Router) -> YAMLValue {
        let model = entry.hosted.model, provider = model.provider
        return [
            "model_name": .string(entry.callable.name),
            "litellm_params": [
                // LiteLLM's provider prefix picks the provider's API and auth (docs/render-litellm.md).
                "model": .string("\(provider.name.value)/\(provider.model.value)"),
                "api_base": provider.apiBase.map { .string($0.value) },
                "api_key": .string("os.environ/\(entry.hosted.keyVariable)"),
            ] + attempts(router, entry.callable),
            "model_info": [
                "id": .string(entry.id),
                "mode": .string(model.mode.value.rawValue),
            ] + priceAndAccess(model, entry.callable),
        ]
    }

    /// Per attempt, in seconds (the timeout ladder, docs/checks-timeout.md), no provider-SDK
    /// retries (only the router retries, as often as the ladder budgets), and the name's share of
    /// the model's rate limits.
    static func attempts(_ router: Platform.Timeouts.Router, _ callable: CallableName) -> YAMLValue {
        [
            "timeout": LiteLLMSeconds.value(router.timeout.value),
            "stream_timeout": router.streamTimeout.map { LiteLLMSeconds.value($0.value) },
            "max_retries": 0,
            "rpm": callable.rpm.map(YAMLValue.int),
            "tpm": callable.tpm.map(YAMLValue.int),
        ]
    }

    /// Without a price spend stays 0 and no team budget ever binds.
    static func priceAndAccess(_ model: any OfferedModel, _ callable: CallableName) -> YAMLValue {
        [
            "input_cost_per_token": TokenPrice.perToken(model.pricing.inputPerMillion.value),
            "output_cost_per_token": TokenPrice.perToken(model.pricing.outputPerMillion.value),
            "access_groups": .list(callable.tenants.map { .string(LiteLLMNames.accessGroup($0)) }),
        ]
    }
}
