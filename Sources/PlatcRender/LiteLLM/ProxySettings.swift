import PlatcSpec

/// `router_settings`, `litellm_settings` and `general_settings` of the proxy config. Router keys
/// are `litellm.Router.__init__` arguments only (LiteLLM ignores any other with a warning).
enum ProxySettings {
    static func router(_ platform: Platform) -> YAMLValue {
        let router = platform.timeouts.router
        let retries = YAMLValue.int(router.retries.value)
        return [
            // Every model group has one deployment (one vLLM Service), so there is nothing to
            // balance; simple-shuffle keeps no state (usage-based routing would need Redis).
            "routing_strategy": "simple-shuffle",
            "num_retries": retries,
            // Per error type; DefaultRetries also pins the count against a client's num_retries.
            "retry_policy": [
                // The same request fails the same way again.
                "BadRequestErrorRetries": 0,
                "AuthenticationErrorRetries": 0,
                "ContentPolicyViolationErrorRetries": 0,
                "NotFoundErrorRetries": 0,
                // A timed-out engine is overloaded: a retry doubles its load and can outlast the gateway.
                "TimeoutErrorRetries": 0,
                // A 429 is a limit doing its job; retrying it only defeats the limit.
                "RateLimitErrorRetries": 0,
                // A crashed or restarting replica is transient: retry as the ladder budgets.
                "InternalServerErrorRetries": retries,
                "ServiceUnavailableErrorRetries": retries,
                // Everything else (connection refused or reset while a pod restarts): transient too.
                "DefaultRetries": retries,
            ],
            "retry_after": LiteLLMSeconds.value(router.retryBackoff.value),
            "timeout": LiteLLMSeconds.value(router.timeout.value),
            "stream_timeout": router.streamTimeout.map { LiteLLMSeconds.value($0.value) },
            "allowed_fails": .int(platform.litellm.allowedFails.value),
            "cooldown_time": LiteLLMSeconds.value(platform.litellm.cooldown.value),
            // Makes the deployments' rpm/tpm binding (they only steer routing otherwise).
            "optional_pre_call_checks": ["enforce_model_rate_limits"],
        ]
    }

    /// request_timeout: set explicitly and equal to the router timeout: an explicit request_timeout
    /// takes precedence over router_settings.timeout (Router._get_non_stream_timeout), and
    /// LiteLLM's default is 6000 s. disable_hf_tokenizer_download: LiteLLM counts a streamed
    /// llama-3 request's tokens with a tokenizer it downloads from Hugging Face (utils.py
    /// _select_tokenizer_helper); without egress every such stream waited ~23 s for the failure,
    /// uncached (observed, docs/research/request-path-e2e.md). Its bundled tokenizer instead.
    static func litellm(_ platform: Platform) -> YAMLValue {
        [
            "request_timeout": LiteLLMSeconds.value(platform.timeouts.router.timeout.value),
            "disable_hf_tokenizer_download": true,
        ]
    }

    static let general: YAMLValue = {
        [
            // Read from the proxy's environment; the proxy refuses to start without it.
            "master_key": .string("os.environ/\(LiteLLMNames.masterKeyVariable)"),
            // Teams, keys, budgets and spend live in Postgres.
            "database_url": .string("os.environ/\(LiteLLMNames.databaseURLVariable)"),
            // The file stays the only source of models: nothing added through the UI overlays it.
            "store_model_in_db": false,
        ]
    }()
}
