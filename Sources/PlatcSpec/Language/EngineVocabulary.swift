/// vLLM's words for one command-line setting — its `--quantization` methods, its tool-call parsers,
/// its reasoning parsers — each with the releases that have it. One table serves the language (its
/// enumeration is every name of every release platc checked), the checks (`engine/*`: the name
/// must exist in the model's pinned `serving.engine.version`), `platc fit` and the renderer.
///
/// The lists were read from vLLM's own code in each release's wheel on PyPI: every minor release
/// from 0.8.5 to 0.34.0 (and 0.9.2, 0.10.1, 0.10.2, 0.11.2); docs/research/vllm-engine-features-notes.md
/// has the sources and the tables. A name is listed `since` the first checked release that has it
/// (nil: 0.8.5, the oldest checked, had it) `until` the first that no longer has it (nil: 0.34.0
/// still has it). A version between two checked releases gets the earlier one's list; one older
/// than 0.8.5 gets 0.8.5's, one newer than 0.34 gets 0.34's. A new vLLM release is a new group
/// (or an `until`) here, read the same way.
public struct EngineVocabulary: Sendable {
    /// One name and the releases that know it.
    public struct Term: Sendable {
        public let name: String
        public let since: EngineVersion?
        public let until: EngineVersion?

        public func exists(in version: EngineVersion) -> Bool {
            (since.map { version >= $0 } ?? true) && (until.map { version < $0 } ?? true)
        }

    }

    /// The vLLM flag the names are values of.
    public let flag: String
    /// Sorted by name.
    public let terms: [Term]

    /// Every name any checked release has, sorted: what the language accepts.
    public var names: [String] { terms.map(\.name) }

    /// The names `version` has, sorted.
    public func names(at version: EngineVersion) -> [String] { terms.filter { $0.exists(in: version) }.map(\.name) }

    public func term(_ name: String) -> Term? { terms.first { $0.name == name } }

    /// `groups`: (since, until, names), as the research notes' tables list them.
    init(flag: String, _ groups: [(since: String?, until: String?, names: [String])]) {
        self.flag = flag
        terms = groups.flatMap { group in
            group.names.map {
                Term(
                    name: $0, since: group.since.flatMap(EngineVersion.init(parsing:)),
                    until: group.until.flatMap(EngineVersion.init(parsing:)))
            }
        }
        .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// `--quantization` (vLLM's `QUANTIZATION_METHODS`).
    public static let quantization = EngineVocabulary(
        flag: "--quantization",
        [
            (nil, "0.9.0", ["nvfp4"]),
            (nil, "0.10.1", ["aqlm"]),
            (nil, "0.10.2", ["marlin", "neuron_quant", "qqq"]),
            (nil, "0.14.0", ["tpu_int8"]),
            (nil, "0.15.0", ["deepspeedfp", "hqq"]),
            (nil, "0.16.0", ["bitblas", "gptq_bitblas", "gptq_marlin_24", "ipex"]),
            (nil, "0.19.0", ["ptpc_fp8"]),
            (nil, "0.24.0", ["gguf"]),
            (nil, "0.28.0", ["bitsandbytes"]),
            (
                nil, nil,
                [
                    "awq", "awq_marlin", "compressed-tensors", "experts_int8", "fbgemm_fp8", "fp8", "gptq", "gptq_marlin", "modelopt",
                    "moe_wna16", "quark", "torchao",
                ]
            ),
            ("0.9.0", "0.15.0", ["auto-round"]),
            ("0.9.0", nil, ["modelopt_fp4"]),
            ("0.9.2", "0.15.0", ["rtn"]),
            ("0.10.0", nil, ["inc"]),
            ("0.10.1", nil, ["mxfp4"]),
            ("0.10.2", "0.20.0", ["petit_nvfp4"]),
            ("0.11.2", "0.34.0", ["fp_quant"]),
            ("0.12.0", "0.14.0", ["cpu_gptq"]),
            ("0.12.0", "0.23.0", ["cpu_awq"]),
            ("0.16.0", nil, ["modelopt_mxfp8"]),
            ("0.17.0", nil, ["modelopt_mixed"]),
            ("0.19.0", nil, ["mxfp8"]),
            (
                "0.20.0", nil,
                [
                    "deepseek_v4_fp8", "fp8_per_block", "fp8_per_tensor", "gpt_oss_mxfp4", "humming", "int8_per_channel_weight_only",
                    "online",
                ]
            ),
            ("0.22.0", nil, ["auto_gptq"]),
            ("0.24.0", nil, ["auto_awq", "fp8_per_channel"]),
            ("0.26.0", nil, ["nvfp4_per_token"]),
            ("0.34.0", nil, ["lut_b_moe", "mxfp4_hadamard32", "w4afp8"]),
        ])

    /// `--tool-call-parser` (vLLM's `ToolParserManager`), rendered with `--enable-auto-tool-choice`.
    public static let toolCallParsers = EngineVocabulary(
        flag: "--tool-call-parser",
        [
            (
                nil, nil,
                [
                    "granite", "granite-20b-fc", "hermes", "internlm", "jamba", "llama3_json", "llama4_json", "mistral", "phi4_mini_json",
                    "pythonic",
                ]
            ),
            ("0.9.0", nil, ["deepseek_v3", "llama4_pythonic"]),
            ("0.9.2", "0.24.0", ["minimax"]),
            ("0.9.2", nil, ["xlam"]),
            ("0.10.0", "0.10.1", ["glm4_moe"]),
            ("0.10.0", nil, ["hunyuan_a13b", "kimi_k2", "qwen3_coder"]),
            ("0.10.1", nil, ["glm45", "step3"]),
            ("0.10.2", nil, ["deepseek_v31", "openai", "seed_oss"]),
            ("0.11.0", nil, ["longcat", "qwen3_xml"]),
            ("0.11.2", nil, ["ernie45", "minimax_m2", "olmo3"]),
            ("0.13.0", nil, ["deepseek_v32", "gigachat3"]),
            ("0.14.0", nil, ["functiongemma", "glm47"]),
            ("0.16.0", nil, ["step3p5"]),
            ("0.18.0", nil, ["granite4"]),
            ("0.19.0", nil, ["gemma4"]),
            ("0.20.0", nil, ["deepseek_v4", "hy_v3", "mimo"]),
            ("0.21.0", nil, ["cohere_command3", "cohere_command4", "lfm2", "poolside_v1"]),
            ("0.22.0", nil, ["apertus"]),
            ("0.23.0", nil, ["minicpm5"]),
            ("0.24.0", nil, ["minimax_m3"]),
            ("0.26.0", nil, ["inkling"]),
            ("0.27.0", nil, ["kimi_k3"]),
            ("0.28.0", nil, ["dots", "ling3", "muse_glimmer"]),
            ("0.29.0", nil, ["hy_v4"]),
            ("0.30.0", nil, ["deepseek_v41", "k2_horizon"]),
            ("0.32.0", nil, ["hf", "plamo3", "qwen3_json"]),
            ("0.33.0", "0.34.0", ["musespark1x"]),
            ("0.33.0", nil, ["beam", "muse", "step5"]),
            ("0.34.0", nil, ["granite_toolcall_parser", "musespark", "ripple", "zaya", "zaya_xml"]),
        ])

    /// `--reasoning-parser` (vLLM's `ReasoningParserManager`).
    public static let reasoningParsers = EngineVocabulary(
        flag: "--reasoning-parser",
        [
            (nil, nil, ["deepseek_r1", "granite"]),
            ("0.9.0", nil, ["qwen3"]),
            ("0.10.0", "0.10.1", ["glm4_moe"]),
            ("0.10.0", nil, ["hunyuan_a13b", "mistral"]),
            ("0.10.1", "0.10.2", ["GptOss"]),
            ("0.10.1", nil, ["glm45", "step3"]),
            ("0.10.2", nil, ["openai_gptoss"]),
            ("0.11.0", nil, ["seed_oss"]),
            ("0.11.2", nil, ["deepseek_v3", "ernie45", "kimi_k2", "minimax_m2", "minimax_m2_append_think", "olmo3"]),
            ("0.13.0", nil, ["holo2"]),
            ("0.16.0", nil, ["step3p5"]),
            ("0.18.0", nil, ["nemotron_v3"]),
            ("0.19.0", nil, ["gemma4"]),
            ("0.20.0", nil, ["deepseek_v4", "hy_v3", "mimo"]),
            ("0.21.0", nil, ["cohere_command3", "cohere_command4", "poolside_v1"]),
            ("0.24.0", nil, ["glm47", "minimax_m3"]),
            ("0.26.0", nil, ["inkling"]),
            ("0.27.0", nil, ["kimi_k3"]),
            ("0.28.0", nil, ["ling3", "muse_glimmer"]),
            ("0.29.0", nil, ["hy_v4"]),
            ("0.30.0", nil, ["deepseek_v41", "k2_horizon"]),
            ("0.31.0", nil, ["granite_thinking_parser"]),
            ("0.32.0", nil, ["hf", "minicpmv", "plamo3"]),
            ("0.33.0", "0.34.0", ["musespark1x"]),
            ("0.33.0", nil, ["beam", "muse", "step5"]),
            ("0.34.0", nil, ["musespark", "ripple", "zaya"]),
        ])
}
