import PlatcSpec

/// How many KV-cache bytes a token costs on one GPU, and how many blocks a request needs
/// (docs/gpu-fit.md §1.2–1.3). vLLM allocates the cache in blocks of `blockSize` tokens.
public struct KVCacheLayout: Sendable, Equatable {
    /// Bytes one token adds to one layer on one GPU.
    public var bytesPerLayerToken: Int
    /// The attention kind of every layer, as the engine version charges it.
    public var layers: [ModelArchitecture.LayerAttention]
    public var blockSize: Int

    /// Bytes per token over all layers: the number vLLM's page sizes add up to.
    public var bytesPerToken: Int { bytesPerLayerToken * layers.count }

    public init(_ a: ModelArchitecture, tensorParallel tp: Int, kvBytes: Int, engine: EngineVersion, blockSize: Int?) {
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
        layers = engine.sharesKVAcrossWindows ? a.layerAttention : Array(repeating: .full, count: a.layerAttention.count)
        self.blockSize = blockSize ?? (a.mla != nil && engine.hasMLA && engine.isV1 ? 64 : 16)
    }

    static func powerOfTwo(atLeast n: Int) -> Int {
        var p = 1
        while p < n { p *= 2 }
        return p
    }

    /// Layers grouped as vLLM's hybrid manager does: kinds with equal-sized groups of layers;
    /// one block id covers one layer of every group, so a block costs `groupSize` pages.
    public var groups: (size: Int, kinds: [(kind: ModelArchitecture.LayerAttention, groups: Int)]) {
        var counts: [(kind: ModelArchitecture.LayerAttention, count: Int)] = []
        for layer in layers {
            if let i = counts.firstIndex(where: { $0.kind == layer }) { counts[i].count += 1 } else { counts.append((layer, 1)) }
        }
        guard let size = counts.map(\.count).min(), size > 0 else { return (max(1, layers.count), []) }
        return (size, counts.map { ($0.kind, ($0.count + size - 1) / size) })
    }

    /// Blocks the cache holds with `bytes` available.
    public func blocks(fitting bytes: Double) -> Int {
        let blockBytes = Double(groups.size * blockSize * bytesPerLayerToken)
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
                return sum + min(full, (span + blockSize - 1) / blockSize + 1) * group.groups
            }
        }
    }

    /// Tokens the log reports as "GPU KV cache size": blocks per group × block size.
    public func tokens(blocks: Int) -> Int { blocks / max(1, groups.kinds.reduce(0) { $0 + $1.groups }) * blockSize }
}
