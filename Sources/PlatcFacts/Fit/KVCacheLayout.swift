import PlatcSpec

/// How many KV-cache bytes a token costs on one GPU, and how many blocks a request needs
/// (docs/gpu-fit.md §1.2–1.3). vLLM allocates the cache in blocks of `blockSize` tokens.
public struct KVCacheLayout: Sendable, Equatable {
    /// Bytes one token adds to one layer on one GPU.
    public var bytesPerLayerToken: Int
    /// The attention kind of every layer, as the engine version charges it.
    public let layers: [ModelArchitecture.LayerAttention]
    public var blockSize: Int
    /// Layers grouped as vLLM's hybrid manager does: kinds with equal-sized groups of layers;
    /// one block id covers one layer of every group, so a block costs `groups.size` pages.
    public let groups: Groups

    public struct Groups: Sendable, Equatable {
        /// Layers per group: the fewest of any kind.
        public var size: Int
        public var kinds: [Kind]

        public struct Kind: Sendable, Equatable {
            public var kind: ModelArchitecture.LayerAttention
            public var groups: Int
        }
    }

    /// Bytes per token over the attention layers (linear-attention layers keep a state instead).
    public var bytesPerToken: Int { bytesPerLayerToken * layers.reduce(0) { $0 + ($1 == .linear ? 0 : 1) } }

    public init(
        _ a: ModelArchitecture, tensorParallel tp: Int, kvBytes: Int, engine: EngineVersion, blockSize: Int?,
        chunkedInHybridManager: Bool = false
    ) {
        if let mla = a.mla, engine.hasMLA {
            // One latent per token, not split by TP: every rank holds all of it.
            bytesPerLayerToken = (mla.kvLoraRank + mla.qkRopeHeadDim) * kvBytes
        } else if let mla = a.mla {
            // Before MLA: K and V per head, the head padded to a power of two (vllm#4650).
            let width = max(mla.qkNopeHeadDim + mla.qkRopeHeadDim, mla.vHeadDim)
            bytesPerLayerToken = 2 * max(1, a.attentionHeads / tp) * Self.powerOfTwo(atLeast: width) * kvBytes
        } else {
            // GQA/MHA: KV heads split across ranks, replicated when TP exceeds them.
            bytesPerLayerToken = 2 * max(1, a.kvHeads / tp) * a.headDim * kvBytes
        }
        let asWritten =
            engine.sharesKVAcrossWindows
            && (chunkedInHybridManager || !a.layerAttention.contains { if case .chunked = $0 { true } else { false } })
        let layers =
            asWritten
            ? a.layerAttention : a.layerAttention.map { Self.charged($0, engine: engine, chunkedInHybridManager: chunkedInHybridManager) }
        self.layers = layers
        groups = Self.grouped(layers)
        let standard = blockSize ?? (a.mla != nil && engine.hasMLA && engine.isV1 ? 64 : 16)
        if let linear = a.linearAttention, layers.contains(.linear) {
            // Hybrid attention/Mamba models share one page size: vLLM grows the attention block
            // until its page holds a linear layer's state (models/config.py:314-400), then pads
            // the state to that page. The state is kept in the model dtype (16-bit).
            let state = linear.stateElements(tensorParallel: tp) * 2
            let aligned = 16 * Self.ceilDiv(state, 16 * max(1, bytesPerLayerToken))
            // Capped at 2^31 tokens: a state that needs more fits no GPU anyway, and the count stays exact.
            self.blockSize = min(max(blockSize ?? 0, aligned), 1 << 31)
        } else {
            self.blockSize = standard
        }
    }

    /// What vLLM allocates for a layer: sliding windows only with the hybrid manager (≥ 0.10);
    /// chunked local attention as full, since vLLM turns the hybrid manager off for it unless
    /// VLLM_ALLOW_CHUNKED_LOCAL_ATTN_WITH_HYBRID_KV_CACHE=1 (config/__init__.py:512-529).
    static func charged(
        _ layer: ModelArchitecture.LayerAttention, engine: EngineVersion, chunkedInHybridManager: Bool
    ) -> ModelArchitecture.LayerAttention {
        switch layer {
        case .full, .linear: layer
        case .sliding: engine.sharesKVAcrossWindows ? layer : .full
        case .chunked: engine.sharesKVAcrossWindows && chunkedInHybridManager ? layer : .full
        }
    }

    static func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }

    static func powerOfTwo(atLeast n: Int) -> Int {
        var p = 1
        while p < n { p *= 2 }
        return p
    }

    static func grouped(_ layers: [ModelArchitecture.LayerAttention]) -> Groups {
        var counts: [(kind: ModelArchitecture.LayerAttention, count: Int)] = []
        for layer in layers {
            if let i = counts.firstIndex(where: { $0.kind == layer }) { counts[i].count += 1 } else { counts.append((layer, 1)) }
        }
        guard let size = counts.map(\.count).min(), size > 0 else { return Groups(size: max(1, layers.count), kinds: []) }
        return Groups(size: size, kinds: counts.map { Groups.Kind(kind: $0.kind, groups: ($0.count + size - 1) / size) })
    }

    /// Blocks the cache holds with `bytes` available.
    public func blocks(fitting bytes: Double) -> Int {
        let blockBytes = Double(groups.size) * Double(blockSize) * Double(bytesPerLayerToken)
        guard bytes > 0, blockBytes > 0 else { return 0 }
        return Int((bytes / blockBytes).rounded(.down))
    }

    /// Blocks one request of `length` tokens needs: full layers the whole length, sliding layers
    /// their window plus one scheduler step (vLLM's SlidingWindowSpec).
    public func blocksPerRequest(length: Int, batchedTokens: Int) -> Int {
        let full = (length + blockSize - 1) / blockSize
        return groups.kinds.reduce(0) { sum, group in
            switch group.kind {
            case .full: return sum + full * group.groups
            case .sliding(let window):
                let span = min(window - 1 + batchedTokens, length)
                // Not capped at the full length: vLLM adds the block the window may straddle even then.
                return sum + ((span + blockSize - 1) / blockSize + 1) * group.groups
            case .chunked(let size):
                return sum + (min(size + batchedTokens, length) + blockSize - 1) / blockSize * group.groups
            case .linear:
                return sum + group.groups  // one state block per request (MambaSpec)
            }
        }
    }

    /// Tokens the log reports as "GPU KV cache size": blocks per group × block size.
    public func tokens(blocks: Int) -> Int { blocks / max(1, groups.kinds.reduce(0) { $0 + $1.groups }) * blockSize }
}
