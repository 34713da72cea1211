import PlatcSpec

/// The variables platc sets in the vLLM container, and why (docs/render-serving.md, "Security"
/// and "The API key"). A model's `serving.env` comes after them, and a container has one value
/// per name, so repeating one would silently undo it. The renderer (PodSecurity, VLLMAPIKey) sets
/// exactly these: a render test holds the two lists equal.
public enum EngineVariables {
    static let writable = "platc points it at the pod's writable emptyDir (the root filesystem is read-only)"

    public static let reserved: [(name: String, why: String)] =
        [
            "HOME", "USER", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "HF_HOME", "VLLM_CACHE_ROOT", "VLLM_CONFIG_ROOT",
            "TORCHINDUCTOR_CACHE_DIR", "TRITON_CACHE_DIR", "NUMBA_CACHE_DIR", "CUDA_CACHE_PATH",
        ].map { ($0, writable) } + [
            ("HF_HUB_OFFLINE", "platc keeps vLLM offline: the weights are local and the pod has no egress"),
            ("VLLM_NO_USAGE_STATS", "platc turns vLLM's usage reports off"),
            ("DO_NOT_TRACK", "platc turns usage reports off"),
            ("VLLM_API_KEY", "it is the key vLLM requires, from the Platform's serving.apiKeyRef"),
            ("VLLM_PREVIOUS_API_KEY", "during a key rotation it is the Platform's serving.previousApiKeyRef"),
        ]

    public static func reservation(of name: String) -> String? { reserved.first { $0.name == name }?.why }
}
