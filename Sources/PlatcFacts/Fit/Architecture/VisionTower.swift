import PlatcSpec

/// The vision encoder and projector a multimodal checkpoint loads beside its language model, as
/// vLLM 0.11 builds them (docs/research/gpu-fit-architectures-notes.md, Part 2 §B): their weights, and the
/// size of one image in the profile run that reserves the encoder cache.
public struct VisionTower: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Gemma 3: SigLIP and an average-pooling projector.
        case siglip
        /// Llama 4: its ViT with a pixel-shuffle adapter, and a linear projector.
        case llama4
        /// Mistral 3: Pixtral with a patch merger and a two-layer projector.
        case pixtral
    }

    public var kind: Kind
    /// Encoder and projector weights vLLM shards across tensor-parallel ranks (16-bit: vLLM
    /// builds Llama 4's tower unquantized; quantized Gemma and Mistral checkpoints leave theirs out).
    public var shardedParameters: Int64
    /// Projector weights every rank holds whole (Gemma 3's projection, Pixtral's patch merger).
    public var replicatedParameters: Int64
    /// Prompt tokens one largest image takes (its placeholder, with start, end and break tokens).
    public var tokensPerItem: Int
    /// Embeddings the encoder returns for it.
    public var embeddingsPerItem: Int
    /// vLLM skips building the tower when every modality's limit is 0 (Gemma 3 still builds it).
    public var skippedWhenLanguageOnly: Bool
    var defaulted: [ModelArchitecture.DefaultedValue]
    /// `["vision_config"]` when its sizes are beyond any real tower (then nothing above is used).
    var implausible: [String]

    public var parameters: Int64 { shardedParameters + replicatedParameters }
}

extension VisionTower {
    /// The tower of a composite config (`gemma3`, `llama4`, `mistral3`); nil for a text-only one.
    /// Sizes are summed in floating point and kept only when they are plausible (at most 10^15
    /// parameters, 2^31 tokens an image), so no value of a config can overflow them.
    init?(config: JSONValue, textHidden: Int) {
        guard let visionClass = ConfigDefaults.visionClass(of: config) else { return nil }
        let vision = config["vision_config"] ?? .object([])
        var defaulted: [ModelArchitecture.DefaultedValue] = []
        func number(_ key: String) -> Double {
            if let value = vision[key]?.integerValue { return Double(value) }
            let value = visionClass.defaults[key]?.integerValue ?? 0
            defaulted.append(.init(key: "vision_config.\(key)", value: .integer(value), configClass: visionClass.name))
            return Double(value)
        }
        let d = number("hidden_size"), width = number("intermediate_size"), layers = number("num_hidden_layers")
        let channels = number("num_channels"), patch = max(1, number("patch_size")), image = number("image_size")
        let h = Double(textHidden), side = (image / patch).rounded(.down)
        // Attention q/k/v/o with biases and LayerNorms (weight + bias), as SigLIP and Llama 4's ViT lay them out.
        let biasedLayer = 4 * d * d + 2 * d * width + width + 9 * d
        let kind: Kind
        var sharded: Double, replicated = 0.0, tokens: Double, embeddings: Double
        switch config["model_type"]?.stringValue {
        case "gemma3":
            kind = .siglip
            sharded = channels * patch * patch * d + d + side * side * d + layers * biasedLayer + 2 * d
            // vLLM builds SigLIP's pooling head unless vision_use_head says otherwise (siglip.py:406).
            if vision["vision_use_head"] != .bool(false) { sharded += 4 * d * d + 2 * d * width + width + 8 * d }
            replicated = d * h + d
            // "\n\n<start_of_image>" + tokens + "<end_of_image>\n\n" (gemma3_mm.py:192-199).
            embeddings = Double(config["mm_tokens_per_image"]?.integerValue ?? 256)
            tokens = embeddings + 4
        case "llama4":
            kind = .llama4
            let adapter = width * number("projector_input_dim") + number("projector_output_dim") * number("projector_output_dim")
            sharded = channels * patch * patch * d + d + (side * side + 1) * d + 4 * d + layers * biasedLayer + adapter
            sharded += number("vision_output_dim") * h
            let ratio = (vision["pixel_shuffle_ratio"] ?? visionClass.defaults["pixel_shuffle_ratio"])?.doubleValue ?? 0.5
            // The dummy image is 16 tiles (the processor's max_patches) plus the global tile; the
            // placeholder adds a separator per tile row and start, image and end tokens.
            let tiles = 16.0, perTile = (side * side * ratio * ratio).rounded(.down)
            embeddings = (tiles + 1) * perTile
            tokens = embeddings + tiles + 3
        default:  // mistral3
            kind = .pixtral
            let merge = Double(max(1, config["spatial_merge_size"]?.integerValue ?? 2))
            let featureLayers = Double(config["vision_feature_layer"]?.arrayValue?.count ?? 1)
            let bias = config["multimodal_projector_bias"] == .bool(true) ? 2 * h : 0
            sharded = channels * patch * patch * d + d + layers * (4 * d * d + 3 * d * width + 2 * d) + d * featureLayers * h + h * h + bias
            replicated = d + merge * merge * d * d
            let merged = (image / (patch * merge)).rounded(.down)
            // ([IMG] × columns + [IMG_BREAK]) × rows, the last break an [IMG_END] (mistral3.py:300-303).
            embeddings = merged * merged
            tokens = merged * (merged + 1)
        }
        let plausible =
            [sharded, replicated].allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1e15 }
            && [tokens, embeddings].allSatisfy { $0.isFinite && $0 >= 0 && $0 <= Double(1 << 31) }
        self.init(
            kind: kind, shardedParameters: plausible ? Int64(sharded) : 0, replicatedParameters: plausible ? Int64(replicated) : 0,
            tokensPerItem: plausible ? Int(tokens) : 0, embeddingsPerItem: plausible ? Int(embeddings) : 0,
            skippedWhenLanguageOnly: kind != .siglip, defaulted: defaulted, implausible: plausible ? [] : ["vision_config"])
    }

    /// Bytes of encoder output vLLM 0.11's profile run keeps on the GPU through the language
    /// model's dummy pass: as many largest images as the encoder budget holds, each output padded
    /// to the budget's rows (gpu_model_runner.py:3374-3384; encoder_cache_manager.py:292-333).
    func profileCacheBytes(batchedTokens: Int, maxNumSeqs: Int, maxModelLen: Int, textHidden: Int) -> Double {
        let tokens = max(1, tokensPerItem)
        let budget = max(batchedTokens, tokens)
        let items = max(1, min(budget / tokens, maxNumSeqs * max(1, min(999, maxModelLen / tokens))))
        let rows = embeddingsPerItem < budget ? budget : embeddingsPerItem
        return Double(items) * Double(rows) * Double(textHidden) * 2
    }
}
