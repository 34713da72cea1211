/// A model's parameters, split by how vLLM stores them: quantization applies to the linear
/// layers only; embeddings, biases, routers and norms stay 16-bit (docs/gpu-fit.md §2).
public struct ParameterCount: Sendable, Equatable {
    /// Attention and dense-MLP projection weights (quantizable).
    public var linear: Int64 = 0
    /// Routed and shared expert weights (quantizable; MXFP4 quantizes only these).
    public var experts: Int64 = 0
    /// Input embedding plus the LM head when it is not tied.
    public var embeddings: Int64 = 0
    /// Biases, MoE routers, attention sinks: sharded like their layer, never quantized.
    public var other: Int64 = 0
    /// Norm weights: every tensor-parallel rank holds a full copy.
    public var norms: Int64 = 0
    /// How many weight matrices the quantizable parameters form (AQLM stores codebooks per matrix).
    public var matrices: Int64 = 0

    public var total: Int64 { linear + experts + embeddings + other + norms }
}

extension ParameterCount {
    /// The per-family formulas; `family` must be known (ModelArchitecture.family != nil).
    public init(_ a: ModelArchitecture) {
        let h = Int64(a.hiddenSize), heads = Int64(a.attentionHeads), kv = Int64(a.kvHeads), d = Int64(a.headDim)
        let vocab = Int64(a.vocabSize), width = Int64(a.intermediateSize)
        embeddings = vocab * h * (a.tiedEmbeddings ? 1 : 2)
        norms = h  // the final norm
        for layer in 0..<a.layers {
            // Attention.
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
            } else {
                linear += 2 * h * heads * d + 2 * h * kv * d
                matrices += 4
            }
            switch a.family {
            case .qwen2, .qwen2MoE: other += heads * d + 2 * kv * d  // q, k, v biases
            case .qwen3, .qwen3MoE: norms += 2 * d  // q_norm, k_norm
            case .gptOSS: other += heads * d + 2 * kv * d + h + heads  // q, k, v, o biases; per-head sinks
            default: break
            }
            // Feed-forward.
            if let moe = a.moe, !moe.denseLayers.contains(layer) {
                let e = Int64(moe.experts), expertWidth = Int64(moe.expertIntermediate)
                experts += e * 3 * h * expertWidth
                matrices += 3 * e + 3 * Int64(moe.sharedExperts)
                other += h * e  // router
                if a.family == .gptOSS { other += e * (2 * expertWidth + h) + e }  // expert biases, router bias
                if moe.sharedExperts > 0 {
                    experts += Int64(moe.sharedExperts) * 3 * h * Int64(moe.sharedIntermediate)
                    if a.family == .qwen2MoE { other += h }  // shared-expert gate
                }
            } else {
                linear += 3 * h * width
                matrices += 3
            }
            norms += (a.family == .gemma2 ? 4 : 2) * h
        }
    }
}
