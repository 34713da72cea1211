import PlatcChecks
import PlatcFacts
import PlatcSpec
import PlatcTestSupport
import Testing

/// No config.json crashes the estimate: random sizes for every family platc counts, from 1 to
/// beyond any checkpoint (2^62, negative, fractions, the wrong type), each either sized or
/// refused as unreadable. Before issue 26 a `hidden_size` of 9·10^12 overflowed the count.
@Suite struct ConfigRobustnessTests {
    static let types = [
        "llama", "gemma2", "gemma3", "gemma3_text", "llama4", "llama4_text", "glm4_moe", "qwen3_next", "mistral3", "qwen3_moe",
        "qwen2_moe", "deepseek_v3", "gpt_oss", "mixtral",
    ]
    static let keys = [
        "hidden_size", "num_hidden_layers", "num_attention_heads", "num_key_value_heads", "head_dim", "vocab_size", "intermediate_size",
        "intermediate_size_mlp", "max_position_embeddings", "sliding_window", "sliding_window_pattern", "attention_chunk_size",
        "interleave_moe_layer_step", "num_local_experts", "num_experts", "num_experts_per_tok", "moe_intermediate_size",
        "shared_expert_intermediate_size", "n_routed_experts", "n_shared_experts", "first_k_dense_replace", "decoder_sparse_step",
        "linear_num_key_heads", "linear_num_value_heads", "linear_key_head_dim", "linear_value_head_dim", "linear_conv_kernel_dim",
        "kv_lora_rank", "q_lora_rank", "qk_nope_head_dim", "qk_rope_head_dim", "v_head_dim", "partial_rotary_factor",
    ]
    static let visionKeys = [
        "hidden_size", "intermediate_size", "num_hidden_layers", "num_channels", "patch_size", "image_size", "projector_input_dim",
        "projector_output_dim", "vision_output_dim", "pixel_shuffle_ratio",
    ]

    static let extremes: [JSONValue] = [
        .integer(0), .integer(-1), .integer(-(1 << 62)), .integer(1 << 62), .integer(1 << 31), .integer(1 << 20), .integer((1 << 20) + 1),
        .double(1e300), .double(-1e300), .double(0.5), .bool(true), .null, .string("x"),
    ]

    static func value(_ random: inout SeededRandom) -> JSONValue {
        switch random.below(10) {
        case 0: extremes[random.below(extremes.count)]
        case 1...4: .integer(Int64(1 + random.below(64)))
        default: .integer(Int64(1 + random.below(100_000)))
        }
    }

    static func config(_ random: inout SeededRandom) -> JSONValue {
        let type = types[random.below(types.count)]
        var body = keys.filter { _ in random.below(3) != 0 }.map { ($0, value(&random)) }
        if random.below(3) == 0 {
            let kinds = ["full_attention", "sliding_attention", "chunked_attention", "linear_attention"]
            body.append(("layer_types", .array((0..<(1 + random.below(8))).map { _ in .string(kinds[random.below(kinds.count)]) })))
        }
        if random.below(3) == 0 {
            let scaling = ["linear", "yarn", "llama3", "dynamic"][random.below(4)]
            body.append(
                (
                    "rope_scaling",
                    .object([
                        ("rope_type", .string(scaling)), ("factor", value(&random)), ("original_max_position_embeddings", value(&random)),
                    ])
                )
            )
        }
        guard ["gemma3", "llama4", "mistral3"].contains(type) else { return .object([("model_type", .string(type))] + body) }
        let vision = visionKeys.filter { _ in random.below(2) == 0 }.map { ($0, value(&random)) }
        return .object([
            ("model_type", .string(type)), ("text_config", .object(body)), ("vision_config", .object(vision)),
            ("spatial_merge_size", value(&random)), ("mm_tokens_per_image", value(&random)),
        ])
    }

    @Test func randomConfigsAreSizedOrRefused() {
        var random = SeededRandom(seed: 26)
        var sized = 0
        for _ in 0..<400 {
            let json = Self.config(&random)
            guard let architecture = try? ModelArchitecture(config: json) else { continue }
            let inputs = FitInputs(
                architecture: architecture, weightFormat: .bits16, visibleGiB: 79.18, utilization: 0.9,
                maxModelLen: [100, 4096, 131_072][random.below(3)], tensorParallel: [1, 2, 8][random.below(3)],
                engine: EngineVersion(0, 11),
                languageModelOnly: random.below(2) == 0)
            _ = FitEstimator.estimate(inputs)
            sized += 1
        }
        #expect(sized > 40, "the generator should produce plenty of readable configs")
    }
}

extension SeededRandom {
    /// A value in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
