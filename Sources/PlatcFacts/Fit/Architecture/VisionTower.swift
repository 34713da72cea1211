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

    public var parameters: Int64 { shardedParameters + replicatedParameters }
}

extension VisionTower {
    /// The tower of a composite config (`gemma3`, `llama4`, `mistral3`); nil for a text-only one.
    init?(config: JSONValue, textHidden: Int) {
        guard let visionClass = ConfigDefaults.visionClass(of: config) else { return nil }
        let vision = config["vision_config"] ?? .object([])
        var defaulted: [ModelArchitecture.DefaultedValue] = []
        func int(_ key: String) -> Int64 {
            if let value = vision[key]?.integerValue { return value }
            let value = visionClass.defaults[key]?.integerValue ?? 0
            defaulted.append(.init(key: "vision_config.\(key)", value: .integer(value), configClass: visionClass.name))
            return value
        }
        let d = int("hidden_size"), width = int("intermediate_size"), layers = int("num_hidden_layers")
        let channels = int("num_channels"), patch = max(1, int("patch_size")), image = int("image_size")
        let h = Int64(textHidden)
        // Attention q/k/v/o with biases and LayerNorms (weight + bias), as SigLIP and Llama 4's ViT lay them out.
        let biasedLayer = 4 * d * d + 2 * d * width + width + 9 * d
        switch config["model_type"]?.stringValue {
        case "gemma3":
            let positions = (image / patch) * (image / patch)
            var encoder = channels * patch * patch * d + d + positions * d + layers * biasedLayer + 2 * d
            // vLLM builds SigLIP's pooling head unless vision_use_head says otherwise (siglip.py:406).
            if vision["vision_use_head"] != .bool(false) { encoder += 4 * d * d + 2 * d * width + width + 8 * d }
            let tokens = Int(config["mm_tokens_per_image"]?.integerValue ?? 256)
            self.init(
                kind: .siglip, shardedParameters: encoder, replicatedParameters: d * h + d,
                // "\n\n<start_of_image>" + tokens + "<end_of_image>\n\n" (gemma3_mm.py:192-199).
                tokensPerItem: tokens + 4, embeddingsPerItem: tokens, skippedWhenLanguageOnly: false, defaulted: defaulted)
        case "llama4":
            let positions = (image / patch) * (image / patch) + 1
            let adapter = width * int("projector_input_dim") + int("projector_output_dim") * int("projector_output_dim")
            let encoder = channels * patch * patch * d + d + positions * d + 4 * d + layers * biasedLayer + adapter
            let ratio = (vision["pixel_shuffle_ratio"] ?? visionClass.defaults["pixel_shuffle_ratio"])?.doubleValue ?? 0.5
            let perTile = Int(Double((image / patch) * (image / patch)) * ratio * ratio)
            // The dummy image is 16 tiles (the processor's max_patches) plus the global tile; the
            // placeholder adds a separator per tile row and start, image and end tokens.
            let tiles = 16
            self.init(
                kind: .llama4, shardedParameters: encoder + int("vision_output_dim") * h, replicatedParameters: 0,
                tokensPerItem: (tiles + 1) * perTile + tiles + 3, embeddingsPerItem: (tiles + 1) * perTile,
                skippedWhenLanguageOnly: true, defaulted: defaulted)
        default:  // mistral3
            let merge = config["spatial_merge_size"]?.integerValue ?? 2
            let featureLayers = Int64(config["vision_feature_layer"]?.arrayValue?.count ?? 1)
            let bias: Int64 = config["multimodal_projector_bias"] == .bool(true) ? 2 * h : 0
            let encoder = channels * patch * patch * d + d + layers * (4 * d * d + 3 * d * width + 2 * d)
            let side = Int(image / (patch * merge))
            self.init(
                kind: .pixtral, shardedParameters: encoder + d * featureLayers * h + h * h + bias,
                replicatedParameters: d + merge * merge * d * d,
                // ([IMG] × columns + [IMG_BREAK]) × rows, the last break an [IMG_END] (mistral3.py:300-303).
                tokensPerItem: side * (side + 1), embeddingsPerItem: side * side, skippedWhenLanguageOnly: true, defaulted: defaulted)
        }
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
