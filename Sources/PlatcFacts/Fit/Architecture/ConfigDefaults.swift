import PlatcSpec

/// What a published config.json leaves out, transformers fills in from its config class's
/// `__init__` defaults; vLLM reads the config through transformers, so it sees the same values.
/// These are transformers 4.57.1's (vLLM 0.11 requires ≥ 4.55.2), memory-relevant keys only, read
/// from `models/<family>/configuration_<family>.py` (docs/research/gpu-fit-architectures-notes.md,
/// Part 1 §1); Qwen3-Next's are vLLM's own config class, which has the same values. Keys a class
/// does not take (GLM's `head_dim`) are absent: the modeling code derives them.
public enum ConfigDefaults {
    public static let transformersVersion = "4.57.1"

    struct ConfigClass: Sendable {
        var name: String
        var defaults: [String: JSONValue]
    }

    /// The language model's class of each `model_type` platc reads.
    static let textClasses: [String: ConfigClass] = [
        "gemma": ConfigClass(
            name: "GemmaConfig",
            defaults: common(
                vocab: 256_000, hidden: 3072, intermediate: 24_576, layers: 28, heads: 16, kvHeads: 16, context: 8192, tied: true
            )
            .merging(["head_dim": 256]) { $1 }),
        "gemma2": ConfigClass(
            name: "Gemma2Config",
            defaults: common(vocab: 256_000, hidden: 2304, intermediate: 9216, layers: 26, heads: 8, kvHeads: 4, context: 8192, tied: true)
                .merging(["head_dim": 256, "sliding_window": 4096]) { $1 }),
        "gemma3_text": ConfigClass(
            name: "Gemma3TextConfig",
            defaults: common(
                vocab: 262_208, hidden: 2304, intermediate: 9216, layers: 26, heads: 8, kvHeads: 4, context: 131_072, tied: true
            )
            .merging(["head_dim": 256, "sliding_window": 4096, "sliding_window_pattern": 6]) { $1 }),
        "llama": ConfigClass(
            name: "LlamaConfig",
            defaults: common(
                vocab: 32000, hidden: 4096, intermediate: 11_008, layers: 32, heads: 32, kvHeads: nil, context: 2048, tied: false)),
        "llama4_text": ConfigClass(
            name: "Llama4TextConfig",
            defaults: common(
                vocab: 202_048, hidden: 5120, intermediate: 8192, layers: 48, heads: 40, kvHeads: 8, context: 131_072, tied: false
            )
            .merging([
                "head_dim": 128, "intermediate_size_mlp": 16_384, "num_local_experts": 16, "num_experts_per_tok": 1,
                "interleave_moe_layer_step": 1, "attention_chunk_size": 8192, "no_rope_layer_interval": 4,
            ]) { $1 }),
        "mistral": ConfigClass(
            name: "MistralConfig",
            defaults: common(
                vocab: 32000, hidden: 4096, intermediate: 14_336, layers: 32, heads: 32, kvHeads: 8, context: 131_072, tied: false)),
        "qwen2": ConfigClass(
            name: "Qwen2Config",
            defaults: common(
                vocab: 151_936, hidden: 4096, intermediate: 22_016, layers: 32, heads: 32, kvHeads: 32, context: 32768, tied: false)),
        "qwen3": ConfigClass(
            name: "Qwen3Config",
            defaults: common(
                vocab: 151_936, hidden: 4096, intermediate: 22_016, layers: 32, heads: 32, kvHeads: 32, context: 32768, tied: false
            )
            .merging(["head_dim": 128]) { $1 }),
        "qwen3_moe": ConfigClass(
            name: "Qwen3MoeConfig",
            defaults: common(
                vocab: 151_936, hidden: 2048, intermediate: 6144, layers: 24, heads: 32, kvHeads: 4, context: 32768, tied: false
            )
            .merging(["num_experts": 128, "num_experts_per_tok": 8, "moe_intermediate_size": 768, "decoder_sparse_step": 1]) { $1 }),
        "qwen3_next": ConfigClass(
            name: "Qwen3NextConfig",
            defaults: common(
                vocab: 151_936, hidden: 2048, intermediate: 5632, layers: 48, heads: 16, kvHeads: 2, context: 32768, tied: false
            )
            .merging([
                "head_dim": 256, "partial_rotary_factor": 0.25, "linear_conv_kernel_dim": 4, "linear_key_head_dim": 128,
                "linear_value_head_dim": 128, "linear_num_key_heads": 16, "linear_num_value_heads": 32, "decoder_sparse_step": 1,
                "moe_intermediate_size": 512, "shared_expert_intermediate_size": 512, "num_experts_per_tok": 10, "num_experts": 512,
            ]) { $1 }),
        "glm4_moe": ConfigClass(
            name: "Glm4MoeConfig",
            defaults: common(
                vocab: 151_552, hidden: 4096, intermediate: 10_944, layers: 46, heads: 96, kvHeads: 8, context: 131_072, tied: false
            )
            .merging([
                "partial_rotary_factor": 0.5, "moe_intermediate_size": 1408, "num_experts_per_tok": 8, "n_shared_experts": 1,
                "n_routed_experts": 128, "first_k_dense_replace": 1, "attention_bias": false, "use_qk_norm": false,
            ]) { $1 }),
    ]

    /// Vision towers, by the `model_type` their `vision_config` names (or the composite's default).
    static let visionClasses: [String: ConfigClass] = [
        "siglip_vision_model": ConfigClass(
            name: "SiglipVisionConfig",
            defaults: [
                "hidden_size": 768, "intermediate_size": 3072, "num_hidden_layers": 12, "num_attention_heads": 12, "num_channels": 3,
                "image_size": 224, "patch_size": 16,
            ]),
        "llama4_vision_model": ConfigClass(
            name: "Llama4VisionConfig",
            defaults: [
                "hidden_size": 768, "intermediate_size": 5632, "num_hidden_layers": 34, "num_attention_heads": 16, "num_channels": 3,
                "image_size": 448, "patch_size": 14, "vision_output_dim": 7680, "pixel_shuffle_ratio": 0.5, "projector_input_dim": 4096,
                "projector_output_dim": 4096,
            ]),
        "pixtral": ConfigClass(
            name: "PixtralVisionConfig",
            defaults: [
                "hidden_size": 1024, "intermediate_size": 4096, "num_hidden_layers": 24, "num_attention_heads": 16, "num_channels": 3,
                "image_size": 1024, "patch_size": 16,
            ]),
    ]

    /// Composite (multimodal) configs: the class their `text_config` dict is built with whatever
    /// model_type it names (Gemma 3, Llama 4), or the model_type it defaults to (Mistral 3), and
    /// the vision tower's default model_type.
    static let composites: [String: (text: String, textFixed: Bool, vision: String)] = [
        "gemma3": ("gemma3_text", true, "siglip_vision_model"),
        "llama4": ("llama4_text", true, "llama4_vision_model"),
        "mistral3": ("mistral", false, "pixtral"),
    ]

    /// The language model's `model_type`: the one its composite builds `text_config` as, else the
    /// one `text_config` names, else the top level's.
    static func textModelType(of config: JSONValue) -> String? {
        let top = config["model_type"]?.stringValue
        let written = config["text_config"]?["model_type"]?.stringValue
        if let composite = composites[top ?? ""] { return composite.textFixed ? composite.text : written ?? composite.text }
        return written ?? top
    }

    static func isComposite(_ config: JSONValue) -> Bool { composites[config["model_type"]?.stringValue ?? ""] != nil }

    /// The class whose defaults fill the language model's missing keys.
    static func textClass(of config: JSONValue) -> ConfigClass? { textModelType(of: config).flatMap { textClasses[$0] } }

    /// The class whose defaults fill the vision tower's missing keys.
    static func visionClass(of config: JSONValue) -> ConfigClass? {
        guard let composite = composites[config["model_type"]?.stringValue ?? ""] else { return nil }
        let written = config["vision_config"]?["model_type"]?.stringValue
        return visionClasses[composite.vision == "pixtral" ? written ?? composite.vision : composite.vision]
    }

    /// The keys every decoder class defaults. `kvHeads` nil: the class sets it to the head count.
    private static func common(
        vocab: Int64, hidden: Int64, intermediate: Int64, layers: Int64, heads: Int64, kvHeads: Int64?, context: Int64, tied: Bool
    ) -> [String: JSONValue] {
        var values: [String: JSONValue] = [
            "vocab_size": .integer(vocab), "hidden_size": .integer(hidden), "intermediate_size": .integer(intermediate),
            "num_hidden_layers": .integer(layers), "num_attention_heads": .integer(heads), "max_position_embeddings": .integer(context),
            "tie_word_embeddings": .bool(tied),
        ]
        if let kvHeads { values["num_key_value_heads"] = .integer(kvHeads) }
        return values
    }
}
