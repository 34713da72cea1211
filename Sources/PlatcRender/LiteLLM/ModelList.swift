import PlatcSpec

/// `model_list`: one deployment per LiteLLMEntry.
enum ModelList {
    static func value(_ entries: [LiteLLMEntry], _ context: RenderContext) -> YAMLValue {
        .list(entries.map { entry($0, context.platform.timeouts.router) })
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
                // Per attempt, in seconds (the timeout ladder, docs/checks-timeout.md).
                "timeout": LiteLLMSeconds.value(router.timeout.value),
                "stream_timeout": router.streamTimeout.map { LiteLLMSeconds.value($0.value) },
                // No provider-SDK retries: only the router retries, as often as the ladder budgets.
                "max_retries": 0,
                "rpm": entry.rpm.map(YAMLValue.int),
                "tpm": entry.tpm.map(YAMLValue.int),
            ],
            "model_info": [
                "id": .string(entry.id),
                "mode": .string(model.mode.value.rawValue),
                "max_tokens": .int(model.serving.maxModelLen.value),
                "max_input_tokens": .int(model.serving.maxModelLen.value),
                // Without a price spend stays 0 and no team budget ever binds.
                "input_cost_per_token": TokenPrice.perToken(model.pricing.inputPerMillion.value),
                "output_cost_per_token": TokenPrice.perToken(model.pricing.outputPerMillion.value),
                "access_groups": .list(entry.tenants.map { .string(LiteLLMNames.accessGroup($0)) }),
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
}
