import PlatcSpec

/// The shape of a transformer as vLLM sees it, read from a Hugging Face config.json: what the
/// parameter count, the KV cache and the activation estimate need. Field names are the HF keys.
public struct ModelArchitecture: Sendable, Equatable {
    /// The language-model families whose parameter formulas platc knows (docs/gpu-fit.md, "Coverage").
    public enum Family: String, Sendable, CaseIterable {
        case llama, mistral, phi3, qwen2, qwen3, qwen2MoE = "qwen2_moe", qwen3MoE = "qwen3_moe", mixtral, gemma, gemma2
        case gemma3 = "gemma3_text", llama4 = "llama4_text", glm4MoE = "glm4_moe", qwen3Next = "qwen3_next"
        case deepseekV2 = "deepseek_v2", deepseekV3 = "deepseek_v3", gptOSS = "gpt_oss"
    }

    /// How one decoder layer keeps context, for the KV cache.
    public enum LayerAttention: Sendable, Equatable {
        case full
        /// Sliding-window attention: keeps at most `window` tokens.
        case sliding(window: Int)
        /// Chunked local attention (Llama 4): attends within chunks of `size` tokens.
        case chunked(size: Int)
        /// Linear attention (Qwen3-Next's Gated DeltaNet): a fixed state per request, no per-token KV.
        case linear
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

    /// Gated DeltaNet layers (Qwen3-Next): key/value heads and widths, and the causal conv kernel.
    public struct LinearAttention: Sendable, Equatable {
        public var keyHeads: Int
        public var valueHeads: Int
        public var keyHeadDim: Int
        public var valueHeadDim: Int
        public var convKernel: Int

        /// Channels of the causal conv: q and k, then v.
        public var convChannels: Int { 2 * keyHeads * keyHeadDim + valueHeads * valueHeadDim }

        /// Elements of one request's state on one GPU: the conv window and the recurrent state
        /// (vLLM's `MambaStateShapeCalculator.gated_delta_net_state_shape`).
        public func stateElements(tensorParallel tp: Int) -> Int {
            (convKernel - 1) * convChannels / tp + valueHeads / tp * keyHeadDim * valueHeadDim
        }
    }

    /// A value the config.json does not write, taken from its transformers config class.
    public struct DefaultedValue: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
        public var configClass: String
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
    /// Width of a dense MLP (Llama 4: `intermediate_size_mlp`; its experts use `intermediate_size`).
    public var intermediateSize: Int
    public var tiedEmbeddings: Bool
    /// q/k/v projection biases (GLM's `attention_bias`; Qwen2's are built in).
    public var attentionBias: Bool
    /// q_norm and k_norm weights over head_dim.
    public var qkNorm: Bool
    public var moe: MoE?
    public var mla: MLA?
    public var linearAttention: LinearAttention?
    public var layerAttention: [LayerAttention]
    /// The vision tower a multimodal checkpoint loads beside the language model.
    public var vision: VisionTower?
    /// Longest context vLLM accepts without an override (max_position_embeddings with rope scaling).
    public var maxContext: Int
    /// Positions × width of the rotary cos/sin caches vLLM keeps as buffers.
    public var ropeCacheElements: Int
    /// `torch_dtype` (or transformers 5's `dtype`) as written.
    public var torchDtype: String?
    public var quantizationConfig: JSONValue?
    /// What the file leaves to its config class's defaults (transformers `ConfigDefaults.transformersVersion`).
    public var defaulted: [DefaultedValue]

    public struct Unreadable: Error, Sendable, Equatable {
        /// The config.json keys that are missing or not numbers.
        public var missing: [String]
        /// The keys whose values no real checkpoint has (`ConfigFields.limit`), or what together
        /// makes more than 10^15 parameters.
        public var implausible: [String]
        public var architecture: String

        public init(missing: [String], implausible: [String] = [], architecture: String) {
            self.missing = missing
            self.implausible = implausible
            self.architecture = architecture
        }

        /// "lacks "vocab_size"", "has an implausible "hidden_size"", or both.
        public var problem: String {
            let missing = missing.isEmpty ? nil : "lacks " + self.missing.map { "\"\($0)\"" }.joined(separator: ", ")
            let keys = implausible.filter { $0 != ModelArchitecture.oversized }.map { "\"\($0)\"" }
            let oversized = implausible.contains(ModelArchitecture.oversized)
            let implausible =
                implausible.isEmpty
                ? nil : "has implausible " + (keys + (oversized ? ["sizes (over 10^15 parameters)"] : [])).joined(separator: ", ")
            return [missing, implausible].compactMap { $0 }.joined(separator: " and ")
        }
    }

    /// What `Unreadable.implausible` names when no single key is, but together the sizes are.
    static let oversized = "sizes"

    /// More parameters than the language model can have, in floating point, so that the exact
    /// integer count (`ParameterCount`) is only made of sizes that cannot overflow it.
    static func parameterBound(_ a: ModelArchitecture) -> Double {
        let h = Double(a.hiddenSize), heads = Double(a.attentionHeads), kv = Double(a.kvHeads), d = Double(a.headDim)
        let width = Double(max(a.intermediateSize, a.moe?.expertIntermediate ?? 0, a.moe?.sharedIntermediate ?? 0))
        let experts = Double((a.moe?.experts ?? 0) + (a.moe?.sharedExperts ?? 0) + 1)
        var layer = 4 * (heads + kv + 1) * d * h + 4 * h * width * experts + 4 * h * experts + 16 * h
        if let mla = a.mla {
            let ranks = Double(mla.kvLoraRank + (mla.qLoraRank ?? 0) + mla.qkRopeHeadDim + 1)
            layer += 4 * (ranks + heads * Double(mla.qkNopeHeadDim + mla.qkRopeHeadDim + mla.vHeadDim)) * (h + ranks)
        }
        if let g = a.linearAttention {
            let keys = Double(g.keyHeads) * Double(g.keyHeadDim), values = Double(g.valueHeads) * Double(g.valueHeadDim)
            layer +=
                4 * (keys + values + Double(g.valueHeads)) * (h + Double(g.convKernel)) + Double(g.valueHeads) * Double(g.keyHeadDim)
                * Double(g.valueHeadDim)
        }
        return Double(a.layers) * layer + 2 * Double(a.vocabSize) * h
    }

    /// A multimodal config platc reads a vision tower from (`gemma3`, `llama4`, `mistral3`).
    public static func isMultimodal(_ config: JSONValue) -> Bool { ConfigDefaults.isComposite(config) }

    /// The `model_type`s platc counts, language models and the multimodal configs around them.
    public static var supportedModelTypes: [String] {
        (Family.allCases.map(\.rawValue) + ConfigDefaults.composites.keys).sorted()
    }
}

extension ModelArchitecture {
    /// The checkpoint's `quantization_config`, top level or under `text_config`.
    public static func quantizationConfig(of config: JSONValue) -> JSONValue? {
        config["quantization_config"] ?? ConfigFields(config).value("quantization_config")
    }

    /// Reads the fields every decoder needs, then the family's own. Multimodal configs keep the
    /// language model under `text_config`; its keys win, and the vision tower is read beside it.
    /// Keys the file leaves out take their transformers class defaults (`ConfigDefaults`).
    public init(config: JSONValue) throws(Unreadable) {
        let fields = ConfigFields(config)
        let name = ConfigDefaults.textModelType(of: config) ?? config["architectures"]?.arrayValue?.first?.stringValue ?? "unknown"
        let family = Family(rawValue: name)
        self.family = family
        self.name = name
        hiddenSize = fields.int("hidden_size")
        layers = fields.int("num_hidden_layers")
        vocabSize = fields.int("vocab_size")
        attentionHeads = fields.int("num_attention_heads")
        kvHeads = fields.optionalInt("num_key_value_heads") ?? attentionHeads
        headDim = fields.optionalInt("head_dim") ?? (attentionHeads > 0 ? hiddenSize / attentionHeads : 0)
        let intermediate = fields.optionalInt("intermediate_size") ?? 0
        intermediateSize = family == .llama4 ? fields.int("intermediate_size_mlp") : intermediate
        // transformers ties by the language model's own flag (`get_text_config().tie_word_embeddings`).
        tiedEmbeddings = fields.languageBool("tie_word_embeddings") ?? false
        attentionBias = family == .glm4MoE && fields.bool("attention_bias") == true
        qkNorm = [.gemma3, .qwen3, .qwen3MoE, .qwen3Next].contains(family) || (family == .glm4MoE && fields.bool("use_qk_norm") == true)
        torchDtype = fields.string("torch_dtype") ?? fields.string("dtype")
        quantizationConfig = Self.quantizationConfig(of: config)
        moe = Self.readMoE(fields, family: family, layers: layers, intermediate: intermediate)
        mla = Self.readMLA(fields)
        linearAttention = family == .qwen3Next ? Self.readLinearAttention(fields) : nil
        layerAttention = Self.readLayerAttention(fields, family: family, layers: layers)
        vision = VisionTower(config: config, textHidden: hiddenSize)
        maxContext = Self.readMaxContext(fields, family: family)
        let rotary = fields.double("partial_rotary_factor").map { min(max($0, 0), 1) } ?? 1
        let ropeWidth = mla?.qkRopeHeadDim ?? Int(Double(headDim) * rotary)
        ropeCacheElements = Self.ropePositions(fields, family: family, context: maxContext) * ropeWidth
        if family == .mixtral || family == .qwen2MoE || family == .qwen3MoE || family == .gptOSS, moe == nil {
            fields.require("num_experts_per_tok")
        }
        defaulted = fields.defaulted + (vision?.defaulted ?? [])
        var implausible = fields.implausible + (vision?.implausible ?? [])
        if fields.implausible.isEmpty, Self.parameterBound(self) > 1e15 { implausible.append(Self.oversized) }
        if !fields.missing.isEmpty || !implausible.isEmpty {
            throw Unreadable(missing: fields.missing, implausible: implausible, architecture: name)
        }
    }

    static func readMoE(_ f: ConfigFields, family: Family?, layers: Int, intermediate: Int) -> MoE? {
        switch family {
        case .mixtral, .gptOSS:
            guard let experts = f.optionalInt("num_local_experts") else { return nil }
            return MoE(
                experts: experts, expertsPerToken: f.int("num_experts_per_tok"), expertIntermediate: intermediate, sharedExperts: 0,
                sharedIntermediate: 0, denseLayers: [])
        case .qwen2MoE, .qwen3MoE, .qwen3Next:
            guard let experts = f.optionalInt("num_experts") else { return nil }
            let step = max(1, f.optionalInt("decoder_sparse_step") ?? 1)
            var dense = Set(f.ints("mlp_only_layers"))
            for layer in 0..<max(0, layers) where (layer + 1) % step != 0 { dense.insert(layer) }
            let shared = f.optionalInt("shared_expert_intermediate_size") ?? 0
            return MoE(
                experts: experts, expertsPerToken: f.int("num_experts_per_tok"), expertIntermediate: f.int("moe_intermediate_size"),
                sharedExperts: shared > 0 ? 1 : 0, sharedIntermediate: shared, denseLayers: dense)
        case .llama4:
            // vLLM: a layer is MoE when (i + 1) % interleave_moe_layer_step == 0 (llama4.py:305); one
            // shared expert of the expert width; dense layers use intermediate_size_mlp.
            let step = f.optionalInt("interleave_moe_layer_step") ?? 1
            guard step > 0, let experts = f.optionalInt("num_local_experts") else { return nil }
            let dense = Set((0..<max(0, layers)).filter { ($0 + 1) % step != 0 })
            return MoE(
                experts: experts, expertsPerToken: f.int("num_experts_per_tok"), expertIntermediate: intermediate, sharedExperts: 1,
                sharedIntermediate: intermediate, denseLayers: dense)
        case .deepseekV2, .deepseekV3, .glm4MoE:
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

    /// Gated DeltaNet widths (Qwen3-Next's `linear_*` keys).
    static func readLinearAttention(_ f: ConfigFields) -> LinearAttention {
        LinearAttention(
            keyHeads: f.int("linear_num_key_heads"), valueHeads: f.int("linear_num_value_heads"), keyHeadDim: f.int("linear_key_head_dim"),
            valueHeadDim: f.int("linear_value_head_dim"), convKernel: f.int("linear_conv_kernel_dim"))
    }

    static func readMLA(_ f: ConfigFields) -> MLA? {
        guard let rank = f.optionalInt("kv_lora_rank") else { return nil }
        return MLA(
            kvLoraRank: rank, qLoraRank: f.optionalInt("q_lora_rank"), qkNopeHeadDim: f.int("qk_nope_head_dim"),
            qkRopeHeadDim: f.int("qk_rope_head_dim"), vHeadDim: f.int("v_head_dim"))
    }

    /// What each layer keeps: `layer_types` when the config lists them; otherwise the family's
    /// pattern as transformers (or, for Qwen3-Next, vLLM's own config class) derives it. Llama-family
    /// code (Llama, Mistral, Phi-3) ignores a bare `sliding_window` without layer types.
    static func readLayerAttention(_ f: ConfigFields, family: Family?, layers: Int) -> [LayerAttention] {
        let count = max(0, layers)
        let window = f.optionalInt("sliding_window")
        if let types = f.written("layer_types")?.arrayValue, types.count == count {
            return types.map { kind(of: $0.stringValue ?? "", window: window, chunk: f.optionalInt("attention_chunk_size")) }
        }
        switch family {
        case .gemma2 where window != nil:
            return (0..<count).map { $0 % 2 == 0 ? .sliding(window: window!) : .full }
        case .gemma3 where window != nil:
            // Gemma3TextConfig: every `sliding_window_pattern`-th layer is global, the others slide.
            let pattern = max(1, f.optionalInt("sliding_window_pattern") ?? 6)
            return (0..<count).map { ($0 + 1) % pattern != 0 ? .sliding(window: window!) : .full }
        case .llama4:
            // no_rope_layers[i] == 0 marks a global NoPE layer; RoPE layers attend in chunks.
            guard let chunk = f.optionalInt("attention_chunk_size") else { return Array(repeating: .full, count: count) }
            let written = f.ints("no_rope_layers")
            let interval = max(1, f.optionalInt("no_rope_layer_interval") ?? 4)
            let usesRope = written.count == count ? written.map { $0 != 0 } : (0..<count).map { ($0 + 1) % interval != 0 }
            return usesRope.map { $0 ? .chunked(size: chunk) : .full }
        case .qwen3Next:
            // vLLM's Qwen3NextConfig hard-codes every 4th layer full (full_attention_interval is not read).
            return (0..<count).map { ($0 + 1) % 4 != 0 ? .linear : .full }
        case .qwen2, .qwen3, .qwen2MoE, .qwen3MoE:
            guard f.bool("use_sliding_window") == true, let window else { break }
            let from = f.optionalInt("max_window_layers") ?? 0
            return (0..<count).map { $0 >= from ? .sliding(window: window) : .full }
        default:
            break
        }
        return Array(repeating: .full, count: count)
    }

    static func kind(of type: String, window: Int?, chunk: Int?) -> LayerAttention {
        switch type {
        case "sliding_attention": window.map { .sliding(window: $0) } ?? .full
        case "chunked_attention": chunk.map { .chunked(size: $0) } ?? .full
        case "linear_attention": .linear
        default: .full
        }
    }

    /// vLLM's derived max_model_len: the smallest length key the config has, times the rope
    /// scaling factor unless the scaling type already states the extended length (llama3, longrope),
    /// or the model is Gemma 3, whose 128K already includes it (config/model.py, `_get_and_verify_max_len`).
    static func readMaxContext(_ f: ConfigFields, family: Family?) -> Int {
        let keys = ["max_position_embeddings", "n_positions", "max_seq_len", "seq_length", "max_sequence_length", "model_max_length"]
        var length = keys.compactMap { f.optionalInt($0) }.min() ?? 0
        if family != .gemma3, let (type, factor) = ropeScaling(f), !["su", "longrope", "llama3", "mrope", "default"].contains(type) {
            if type == "yarn", let original = f.value("rope_scaling")?["original_max_position_embeddings"]?.integerValue {
                length = Int(clamping: original)
            }
            length = clamped(Double(length) * factor, f)
        }
        return length
    }

    /// Rows of the rotary cos/sin caches: one per position; Gemma 3 keeps a local cache of the
    /// context and a global one scaled by its linear factor (rotary_embedding/linear_scaling_rope.py).
    static func ropePositions(_ f: ConfigFields, family: Family?, context: Int) -> Int {
        guard family == .gemma3 else { return context }
        let factor = ropeScaling(f).map { $0.type == "linear" || $0.type == "dynamic" ? $0.factor : 1 } ?? 1
        return clamped(Double(context) * (1 + factor), f)
    }

    /// A scaled length as an integer; beyond 2^31 tokens the rope scaling is refused as implausible.
    static func clamped(_ length: Double, _ f: ConfigFields) -> Int {
        guard length.isFinite, length >= 0, length <= Double(1 << 31) else {
            f.refuse("rope_scaling")
            return 0
        }
        return Int(length)
    }

    static func ropeScaling(_ f: ConfigFields) -> (type: String, factor: Double)? {
        let scaling = f.value("rope_scaling")
        guard case .object = scaling, let factor = scaling?["factor"]?.doubleValue else { return nil }
        return (scaling?["rope_type"]?.stringValue ?? scaling?["type"]?.stringValue ?? "default", factor)
    }
}
