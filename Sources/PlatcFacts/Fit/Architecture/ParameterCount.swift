/// A model's parameters, split by how vLLM stores them: quantization applies to the linear
/// layers only; embeddings, biases, routers, norms and vision towers stay 16-bit (docs/gpu-fit.md).
public struct ParameterCount: Sendable, Equatable {
    /// Attention and dense-MLP projection weights (quantizable).
    public var linear: Int64 = 0
    /// Routed and shared expert weights (quantizable; MXFP4 quantizes only these).
    public var experts: Int64 = 0
    /// Input embedding plus the LM head when it is not tied.
    public var embeddings: Int64 = 0
    /// Biases, attention sinks, conv and gate vectors: sharded like their layer, never quantized.
    public var other: Int64 = 0
    /// Norm weights: every tensor-parallel rank holds a full copy.
    public var norms: Int64 = 0
    /// Weights every rank holds whole in 16 bits: MoE routers (vLLM's ReplicatedLinear), projector parts.
    public var replicated: Int64 = 0
    /// Weights every rank holds whole in fp32 (GLM's router and its score-correction bias).
    public var replicatedFloat32: Int64 = 0
    /// The vision tower's sharded weights (16-bit).
    public var vision: Int64 = 0
    /// How many weight matrices the quantizable parameters form (AQLM stores codebooks per matrix).
    public var matrices: Int64 = 0

    public var total: Int64 { linear + experts + embeddings + other + norms + replicated + replicatedFloat32 + vision }
}

extension ParameterCount {
    /// The per-family formulas; `family` must be known (ModelArchitecture.family != nil). The
    /// multimodal tower counts unless `languageModelOnly` and vLLM then skips building it.
    public init(_ a: ModelArchitecture, languageModelOnly: Bool = false) {
        let h = Int64(a.hiddenSize)
        embeddings = Int64(a.vocabSize) * h * (a.tiedEmbeddings ? 1 : 2)
        norms = h  // the final norm
        for layer in 0..<a.layers {
            if a.layerAttention.indices.contains(layer), a.layerAttention[layer] == .linear, let linear = a.linearAttention {
                addGatedDeltaNet(linear, hidden: h)
            } else {
                addAttention(a)
            }
            addFeedForward(a, layer: layer)
            norms += (a.family == .gemma2 || a.family == .gemma3 ? 4 : 2) * h
        }
        if let vision = a.vision, !(languageModelOnly && vision.skippedWhenLanguageOnly) {
            self.vision = vision.shardedParameters
            replicated += vision.replicatedParameters
        }
    }

    private mutating func addAttention(_ a: ModelArchitecture) {
        let h = Int64(a.hiddenSize), heads = Int64(a.attentionHeads), kv = Int64(a.kvHeads), d = Int64(a.headDim)
        if let mla = a.mla {
            let rope = Int64(mla.qkRopeHeadDim), nope = Int64(mla.qkNopeHeadDim), v = Int64(mla.vHeadDim)
            let latent = Int64(mla.kvLoraRank)
            if let qRank = mla.qLoraRank.map(Int64.init) {
                linear += h * qRank + qRank * heads * (nope + rope)
                norms += qRank
            } else {
                linear += h * heads * (nope + rope)
            }
            linear += h * (latent + rope) + latent * heads * (nope + v) + heads * v * h
            norms += latent
            matrices += mla.qLoraRank == nil ? 4 : 5
            return
        }
        // Qwen3-Next's q projection also carries the output gate: twice the query width.
        let queryWidth = (a.family == .qwen3Next ? 2 : 1) * heads * d
        linear += h * queryWidth + heads * d * h + 2 * h * kv * d
        matrices += 4
        switch a.family {
        case .qwen2, .qwen2MoE: other += heads * d + 2 * kv * d  // q, k, v biases
        case .gptOSS: other += heads * d + 2 * kv * d + h + heads  // q, k, v, o biases; per-head sinks
        default: if a.attentionBias { other += heads * d + 2 * kv * d }  // GLM: q, k, v (o has none)
        }
        if a.qkNorm { norms += 2 * d }
    }

    /// A Gated DeltaNet layer (Qwen3-Next): fused qkvz and ba projections, the depthwise conv,
    /// per-head decay and step bias, a gated norm over the value width, the output projection.
    private mutating func addGatedDeltaNet(_ g: ModelArchitecture.LinearAttention, hidden h: Int64) {
        let keys = Int64(g.keyHeads * g.keyHeadDim), values = Int64(g.valueHeads * g.valueHeadDim), vHeads = Int64(g.valueHeads)
        linear += h * (2 * keys + 2 * values) + 2 * vHeads * h + values * h
        matrices += 3
        other += Int64(g.convChannels * g.convKernel) + 2 * vHeads
        norms += Int64(g.valueHeadDim)
    }

    private mutating func addFeedForward(_ a: ModelArchitecture, layer: Int) {
        let h = Int64(a.hiddenSize)
        guard let moe = a.moe, !moe.denseLayers.contains(layer) else {
            linear += 3 * h * Int64(a.intermediateSize)
            matrices += 3
            return
        }
        let e = Int64(moe.experts), expertWidth = Int64(moe.expertIntermediate)
        experts += e * 3 * h * expertWidth
        matrices += 3 * e + 3 * Int64(moe.sharedExperts)
        if a.family == .glm4MoE {
            replicatedFloat32 += h * e + e  // fp32 router and e_score_correction_bias (glm4_moe.py:124-131)
        } else {
            replicated += h * e  // router
        }
        if a.family == .gptOSS { other += e * (2 * expertWidth + h) + e }  // expert biases, router bias
        if moe.sharedExperts > 0 {
            experts += Int64(moe.sharedExperts) * 3 * h * Int64(moe.sharedIntermediate)
            if a.family == .qwen2MoE || a.family == .qwen3Next { replicated += h }  // shared-expert gate
        }
    }
}
