import PlatcSpec

/// The shape of a transformer as vLLM sees it, read from a Hugging Face config.json: what the
/// parameter count, the KV cache and the activation estimate need. Field names are the HF keys.
public struct ModelArchitecture: Sendable, Equatable {
    /// The families whose parameter formulas platc knows (docs/gpu-fit.md §2).
    public enum Family: String, Sendable, CaseIterable {
        case llama, mistral, phi3, qwen2, qwen3, qwen2MoE = "qwen2_moe", qwen3MoE = "qwen3_moe", mixtral, gemma, gemma2
        case deepseekV2 = "deepseek_v2", deepseekV3 = "deepseek_v3", gptOSS = "gpt_oss"
    }

    /// Attention of one decoder layer, for the KV cache.
    public enum LayerAttention: Sendable, Equatable {
        case full
        /// Sliding-window attention: keeps at most `window` tokens.
        case sliding(window: Int)
    }

    /// Mixture-of-experts feed-forward.
    public struct MoE: Sendable, Equatable {
        public var experts: Int
        public var expertsPerToken: Int
        public var expertIntermediate: Int
        public var sharedExperts: Int
        /// Width of one shared expert (Qwen2-MoE names it separately; DeepSeek uses the expert width).
        public var sharedIntermediate: Int
        /// Layers that keep a dense MLP (DeepSeek `first_k_dense_replace`, Qwen `mlp_only_layers`).
        public var denseLayers: Set<Int>
    }

    /// Multi-head latent attention (DeepSeek-V2/V3): K and V compressed into one latent per token.
    public struct MLA: Sendable, Equatable {
        public var kvLoraRank: Int
        public var qLoraRank: Int?
        public var qkNopeHeadDim: Int
        public var qkRopeHeadDim: Int
        public var vHeadDim: Int
    }

    /// nil when the architecture is not one platc can count (then `source.parameters` must say).
    public var family: Family?
    /// What the config calls itself: `model_type`, else the first of `architectures`.
    public var name: String
    public var hiddenSize: Int
    public var layers: Int
    public var vocabSize: Int
    public var attentionHeads: Int
    public var kvHeads: Int
    public var headDim: Int
    public var intermediateSize: Int
    public var tiedEmbeddings: Bool
    public var moe: MoE?
    public var mla: MLA?
    public var layerAttention: [LayerAttention]
    /// Longest context vLLM accepts without an override (max_position_embeddings with rope scaling).
    public var maxContext: Int
    /// Positions × width of the rotary cos/sin cache vLLM keeps as a buffer.
    public var ropeCacheElements: Int
    /// `torch_dtype` (or transformers 5's `dtype`) as written.
    public var torchDtype: String?
    public var quantizationConfig: JSONValue?

    public struct Unreadable: Error, Sendable, Equatable {
        /// The config.json keys that are missing or not numbers.
        public var missing: [String]
        public var architecture: String

        public init(missing: [String], architecture: String) {
            self.missing = missing
            self.architecture = architecture
        }
    }
}

extension ModelArchitecture {
    /// The checkpoint's `quantization_config`, top level or under `text_config`.
    public static func quantizationConfig(of config: JSONValue) -> JSONValue? {
        config["quantization_config"] ?? ConfigFields(config).value("quantization_config")
    }

    /// Reads the fields every decoder needs, then the family's own. Multimodal configs keep the
    /// language model under `text_config`; its keys win (the vision tower is not counted).
    public init(config: JSONValue) throws(Unreadable) {
        let fields = ConfigFields(config)
        let name = fields.string("model_type") ?? config["architectures"]?.arrayValue?.first?.stringValue ?? "unknown"
        family = Family(rawValue: name)
        self.name = name
        hiddenSize = fields.int("hidden_size")
        layers = fields.int("num_hidden_layers")
        vocabSize = fields.int("vocab_size")
        attentionHeads = fields.int("num_attention_heads")
        kvHeads = fields.optionalInt("num_key_value_heads") ?? attentionHeads
        headDim = fields.optionalInt("head_dim") ?? (attentionHeads > 0 ? hiddenSize / attentionHeads : 0)
        intermediateSize = fields.optionalInt("intermediate_size") ?? 0
        tiedEmbeddings = fields.bool("tie_word_embeddings") ?? (family == .gemma || family == .gemma2)
        torchDtype = fields.string("torch_dtype") ?? fields.string("dtype")
        quantizationConfig = Self.quantizationConfig(of: config)
        moe = Self.readMoE(fields, family: family, layers: layers, intermediate: intermediateSize)
        mla = Self.readMLA(fields)
        layerAttention = Self.readLayerAttention(fields, family: family, layers: layers)
        maxContext = Self.readMaxContext(fields)
        let ropeWidth = mla?.qkRopeHeadDim ?? Int(Double(headDim) * (fields.double("partial_rotary_factor") ?? 1))
        ropeCacheElements = maxContext * ropeWidth
        if family == .mixtral || family == .qwen2MoE || family == .qwen3MoE || family == .gptOSS, moe == nil {
            fields.require("num_experts_per_tok")
        }
        if !fields.missing.isEmpty { throw Unreadable(missing: fields.missing, architecture: name) }
    }

    static func readMoE(_ f: ConfigFields, family: Family?, layers: Int, intermediate: Int) -> MoE? {
        switch family {
        case .mixtral, .gptOSS:
            guard let experts = f.optionalInt("num_local_experts") else { return nil }
            return MoE(
                experts: experts, expertsPerToken: f.int("num_experts_per_tok"), expertIntermediate: intermediate, sharedExperts: 0,
                sharedIntermediate: 0, denseLayers: [])
        case .qwen2MoE, .qwen3MoE:
            guard let experts = f.optionalInt("num_experts") else { return nil }
            let step = max(1, f.optionalInt("decoder_sparse_step") ?? 1)
            var dense = Set(f.ints("mlp_only_layers"))
            for layer in 0..<max(0, layers) where (layer + 1) % step != 0 { dense.insert(layer) }
            let shared = f.optionalInt("shared_expert_intermediate_size") ?? 0
            return MoE(
                experts: experts, expertsPerToken: f.int("num_experts_per_tok"), expertIntermediate: f.int("moe_intermediate_size"),
                sharedExperts: shared > 0 ? 1 : 0, sharedIntermediate: shared, denseLayers: dense)
        case .deepseekV2, .deepseekV3:
            let expertWidth = f.int("moe_intermediate_size")
            let firstDense = f.optionalInt("first_k_dense_replace") ?? 0
            let frequency = max(1, f.optionalInt("moe_layer_freq") ?? 1)
            let dense = Set((0..<max(0, layers)).filter { $0 < firstDense || $0 % frequency != 0 })
            return MoE(
                experts: f.int("n_routed_experts"), expertsPerToken: f.int("num_experts_per_tok"), expertIntermediate: expertWidth,
                sharedExperts: f.optionalInt("n_shared_experts") ?? 0, sharedIntermediate: expertWidth, denseLayers: dense)
        default:
            return nil
        }
    }

    static func readMLA(_ f: ConfigFields) -> MLA? {
        guard let rank = f.optionalInt("kv_lora_rank") else { return nil }
        return MLA(
            kvLoraRank: rank, qLoraRank: f.optionalInt("q_lora_rank"), qkNopeHeadDim: f.int("qk_nope_head_dim"),
            qkRopeHeadDim: f.int("qk_rope_head_dim"), vHeadDim: f.int("v_head_dim"))
    }

    /// Which layers slide: `layer_types` when the config lists them; Gemma-2 alternates starting
    /// with a sliding layer; Qwen2 slides above `max_window_layers` only with `use_sliding_window`.
    /// Llama-family code (Llama, Mistral, Phi-3) ignores a bare `sliding_window` without layer types.
    static func readLayerAttention(_ f: ConfigFields, family: Family?, layers: Int) -> [LayerAttention] {
        let count = max(0, layers)
        let window = f.optionalInt("sliding_window")
        if let types = f.value("layer_types")?.arrayValue, types.count == count {
            return types.map { $0.stringValue == "sliding_attention" && window != nil ? .sliding(window: window!) : .full }
        }
        if family == .gemma2, let window {
            return (0..<count).map { $0 % 2 == 0 ? .sliding(window: window) : .full }
        }
        if family == .qwen2 || family == .qwen3 || family == .qwen2MoE || family == .qwen3MoE, f.bool("use_sliding_window") == true,
            let window
        {
            let from = f.optionalInt("max_window_layers") ?? 0
            return (0..<count).map { $0 >= from ? .sliding(window: window) : .full }
        }
        return Array(repeating: .full, count: count)
    }

    /// vLLM's derived max_model_len: the smallest length key the config has, times the rope
    /// scaling factor unless the scaling type already states the extended length (llama3, longrope).
    static func readMaxContext(_ f: ConfigFields) -> Int {
        let keys = ["max_position_embeddings", "n_positions", "max_seq_len", "seq_length", "max_sequence_length", "model_max_length"]
        var length = keys.compactMap { f.optionalInt($0) }.min() ?? 0
        let scaling = f.value("rope_scaling")
        if case .object = scaling, let factor = scaling?["factor"]?.doubleValue {
            let type = scaling?["rope_type"]?.stringValue ?? scaling?["type"]?.stringValue ?? "default"
            if !["su", "longrope", "llama3", "mrope", "default"].contains(type) {
                if type == "yarn", let original = scaling?["original_max_position_embeddings"]?.integerValue {
                    length = Int(original)
                }
                length = Int(Double(length) * factor)
            }
        }
        return length
    }
}

/// Typed reads of config.json keys that remember which required keys were missing.
final class ConfigFields {
    private let config: JSONValue
    private let text: JSONValue?
    private(set) var missing: [String] = []

    init(_ config: JSONValue) {
        self.config = config
        text = config["text_config"]
    }

    func value(_ key: String) -> JSONValue? {
        if let value = text?[key], value != .null { return value }
        if let value = config[key], value != .null { return value }
        return nil
    }

    func optionalInt(_ key: String) -> Int? { value(key)?.integerValue.flatMap { Int(exactly: $0) } }
    func double(_ key: String) -> Double? { value(key)?.doubleValue }
    func string(_ key: String) -> String? { value(key)?.stringValue }
    func ints(_ key: String) -> [Int] { value(key)?.arrayValue?.compactMap { $0.integerValue.flatMap { Int(exactly: $0) } } ?? [] }

    func bool(_ key: String) -> Bool? {
        if case .bool(let flag) = value(key) { return flag }
        return nil
    }

    /// A required positive count; 0 (and a note of the key) when it is absent or not a number.
    func int(_ key: String) -> Int {
        if let number = optionalInt(key), number > 0 { return number }
        require(key)
        return 0
    }

    func require(_ key: String) {
        if !missing.contains(key) { missing.append(key) }
    }
}
