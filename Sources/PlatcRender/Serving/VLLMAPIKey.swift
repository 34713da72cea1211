import PlatcSpec

/// The key vLLM requires on /v1 (vLLM 0.11: AuthenticationMiddleware, installed when
/// `--api-key` or VLLM_API_KEY is set; docs/research/vllm-auth-notes.md), from the Secrets the
/// platform names: a reference, the value never enters out/. A missing Secret keeps the pod from
/// starting (CreateContainerConfigError): never open.
enum VLLMAPIKey {
    /// During a rotation, the old key's variable; only `--api-key` takes two keys.
    static let previousVariable = "VLLM_PREVIOUS_API_KEY"

    /// checkov's "prefer secrets as files" (CKV_K8S_35) is wrong for vLLM, which has no file option.
    static let secretAsVariable = "CKV_K8S_35"
    static let whyAVariable =
        "vLLM 0.11 reads its API key only from the VLLM_API_KEY variable or from --api-key"
        + " (which it logs at start); the Secret stays a reference"
    /// The same skip when the model's own serving.env reads Secrets too.
    static let whyModelVariables = "; serving.env passes the model's own Secrets the same way, as variables vLLM and its libraries read"

    static func environment(_ platform: Platform) -> [YAMLValue] {
        let serving = platform.serving
        return [VLLMEnvironment.variable(Conventions.vllmAPIKeyVariable, secret: serving.apiKeyRef)]
            + [serving.previousApiKeyRef.map { VLLMEnvironment.variable(previousVariable, secret: $0) }].compactMap { $0 }
    }

    /// Nothing normally: vLLM reads VLLM_API_KEY itself, and a key kept out of the command line
    /// is not in /proc/<pid>/cmdline. While rotating, `--api-key` lists both keys (it takes
    /// precedence over the variable), expanded by the kubelet from the container's environment.
    static func arguments(_ platform: Platform) -> [String] {
        guard platform.serving.previousApiKeyRef != nil else { return [] }
        return ["--api-key", "$(\(Conventions.vllmAPIKeyVariable))", "$(\(previousVariable))"]
    }
}
