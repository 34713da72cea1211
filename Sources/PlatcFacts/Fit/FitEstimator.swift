import PlatcSpec

/// vLLM's memory budget for one GPU of one replica (docs/gpu-fit.md):
///
///     kv = visible × util − weights − activation − non-torch [− CUDA graphs from 0.21] [− LoRA slots]
///
/// then blocks, concurrency and the verdict the way vLLM computes them at start-up.
public enum FitEstimator {
    static let gib = 1_073_741_824.0
    /// CUDA context, cuBLAS workspaces; NCCL buffers with TP (vLLM logs 0.13–0.35 GiB at TP1, 0.55 at TP2).
    static let nonTorchGiB = (single: 0.15, parallel: 0.55)
    /// Measured graph captures run 0.1–1.0 GiB; vLLM ≥ 0.21 logs estimates around 0.5 GiB.
    static let cudaGraphGiB = 0.5

    public static func estimate(_ inputs: FitInputs) -> FitEstimate {
        estimate(inputs, length: inputs.maxModelLen, searchingLength: true)
    }

    /// Whether one request of maxModelLen fits, without searching for the longest context:
    /// what the remedies and "also fits on" ask, many times per model.
    public static func fits(_ inputs: FitInputs) -> Bool { fitsAt(inputs, inputs.maxModelLen) }

    static func estimate(_ inputs: FitInputs, length: Int, searchingLength: Bool) -> FitEstimate {
        let a = inputs.architecture, tp = max(1, inputs.tensorParallel)
        let count = parameterCount(inputs)
        // A measured size replaces the count: what vLLM logged at TP 1, split across the ranks.
        let weights =
            inputs.measuredWeightsGiB.map { $0 * gib / Double(tp) }
            ?? weightBytes(count, inputs.weightFormat, tp: tp, ropeElements: a.ropeCacheElements)
        let batched = inputs.resolvedBatchedTokens(length: length)
        let encoderCache = encoderCacheBytes(inputs, tokens: batched)
        let activation = activationBytes(inputs, tokens: batched, tp: tp) + encoderCache
        let nonTorch = (tp == 1 ? nonTorchGiB.single : nonTorchGiB.parallel) * gib
        let graphs = cudaGraphGiB * gib
        let lora = loraBytes(inputs, tp: tp)
        let budget = inputs.visibleGiB * inputs.utilization * gib
        let kv = budget - weights - activation - nonTorch - lora - (inputs.engine.budgetsCUDAGraphs ? graphs : 0)

        let layout = KVCacheLayout(
            a, tensorParallel: tp, kvBytes: inputs.kvBytes, engine: inputs.engine, blockSize: inputs.blockSize,
            chunkedInHybridManager: inputs.chunkedAttentionInHybridManager)
        let blocks = layout.blocks(fitting: kv)
        let need = layout.blocksPerRequest(length: length, batchedTokens: batched)
        let concurrency: Double
        let fits: Bool
        if inputs.engine.isV1 {
            concurrency = need > 0 ? Double(blocks) / Double(need) : 0
            fits = blocks > 0 && blocks >= need
        } else {
            // V0 compares tokens with the context and logs tokens / context as the concurrency.
            concurrency = Double(blocks * layout.blockSize) / Double(max(1, length))
            fits = blocks > 0 && blocks * layout.blockSize >= length
        }
        return FitEstimate(
            parameters: count.total, visionParameters: count.vision + (count.vision > 0 ? a.vision?.replicatedParameters ?? 0 : 0),
            visibleGiB: inputs.visibleGiB, budgetGiB: budget / gib, weightsGiB: weights / gib,
            activationGiB: activation / gib, encoderCacheGiB: encoderCache / gib, nonTorchGiB: nonTorch / gib,
            cudaGraphGiB: graphs / gib,
            cudaGraphInBudget: inputs.engine.budgetsCUDAGraphs, loraGiB: lora / gib, kvCacheGiB: kv / gib,
            kvBytesPerToken: layout.bytesPerToken,
            kvPerRequestGiB: Double(need) * Double(layout.groups.size) * Double(layout.blockSize) * Double(layout.bytesPerLayerToken) / gib,
            blockSize: layout.blockSize, kvBlocks: blocks, kvTokens: layout.tokens(blocks: blocks),
            maxConcurrency: concurrency, maxModelLenThatFits: searchingLength ? longestFitting(inputs) : 0,
            maxNumSeqs: inputs.resolvedMaxNumSeqs, maxNumBatchedTokens: batched, fits: fits)
    }

    /// The family formula, or the explicit count with embeddings (when the config names them)
    /// kept 16-bit and the rest treated as quantizable linear weights.
    static func parameterCount(_ inputs: FitInputs) -> ParameterCount {
        let a = inputs.architecture
        // Measured weights of an architecture platc cannot count: no count to show, none guessed.
        if a.family == nil, inputs.parameters == nil, inputs.measuredWeightsGiB != nil { return ParameterCount() }
        // The pooling runner converts a causal LM and drops its lm_head: an untied one weighs nothing.
        let droppedHead = inputs.pooling && !a.tiedEmbeddings ? Int64(a.vocabSize) * Int64(a.hiddenSize) : 0
        if let explicit = inputs.parameters {
            var count = ParameterCount()
            let kept = max(0, explicit - droppedHead)
            count.embeddings = min(kept, Int64(a.vocabSize) * Int64(a.hiddenSize) * (a.tiedEmbeddings || inputs.pooling ? 1 : 2))
            count.linear = kept - count.embeddings
            count.matrices = Int64(7 * a.layers)
            return count
        }
        var count = ParameterCount(a, languageModelOnly: inputs.languageModelOnly)
        count.embeddings -= min(count.embeddings, droppedHead)
        return count
    }

    /// Per GPU: sharded weights ÷ TP, replicated norms, routers and projector parts, and the
    /// rotary cos/sin cache (16-bit).
    static func weightBytes(_ count: ParameterCount, _ format: WeightFormat, tp: Int, ropeElements: Int) -> Double {
        let sharded =
            Double(count.linear) * format.linearBytes + Double(count.experts) * format.expertBytes
            + Double(count.embeddings + count.other + count.vision) * 2 + Double(count.matrices) * format.bytesPerMatrix
        let whole = Double(count.norms + count.replicated) * 2 + Double(count.replicatedFloat32) * 4
        return sharded / Double(tp) + whole + Double(ropeElements) * 2
    }

    /// The profile run's torch peak. V1: the larger of the sampler warm-up (fp32 logits for
    /// max_num_seqs rows, several copies) and the forward pass over max_num_batched_tokens.
    /// V0: the forward pass, then one sampling. bitsandbytes adds its de-quantized layer; the
    /// estimate adds a multimodal model's encoder cache (`encoderCacheBytes`).
    static func activationBytes(_ inputs: FitInputs, tokens: Int, tp: Int) -> Double {
        let a = inputs.architecture
        // The pooling runner's profile run pools the hidden states instead: below the forward pass.
        let sampler = inputs.pooling ? 0 : inputs.engine.samplerLogitCopies * Double(inputs.resolvedMaxNumSeqs) * Double(a.vocabSize) * 4
        let h = Double(a.hiddenSize), t = Double(tp)
        let attention = Double(a.attentionHeads + 2 * a.kvHeads) * Double(a.headDim) / t
        let feedForward: Double
        let widestMatrix: Double
        if let moe = a.moe {
            feedForward = Double(moe.expertsPerToken) * (3 * Double(moe.expertIntermediate) / t + h)
            widestMatrix = 2 * h * Double(max(moe.expertIntermediate, moe.denseLayers.isEmpty ? 0 : a.intermediateSize)) / t
        } else {
            feedForward = 2 * Double(a.intermediateSize) / t
            widestMatrix = 2 * h * Double(a.intermediateSize) / t
        }
        let forward = Double(tokens) * 2 * (feedForward + attention + 4 * h)
        // The fused gate/up matrix de-quantized: fp32 working copy plus the 16-bit result.
        let dequantized = inputs.weightFormat.dequantizesInForward ? widestMatrix * 6 : 0
        let peak = inputs.engine.isV1 ? max(sampler, forward) : forward + sampler
        return peak + dequantized
    }

    /// A multimodal model's profile run keeps the encoder's outputs through the language model's
    /// dummy pass (V1), unless it serves text only.
    static func encoderCacheBytes(_ inputs: FitInputs, tokens: Int) -> Double {
        guard let vision = inputs.architecture.vision, inputs.engine.isV1, !inputs.languageModelOnly, !inputs.pooling else { return 0 }
        return vision.profileCacheBytes(
            batchedTokens: tokens, maxNumSeqs: inputs.resolvedMaxNumSeqs, maxModelLen: inputs.maxModelLen,
            textHidden: inputs.architecture.hiddenSize)
    }

    /// vLLM preallocates A and B matrices for max_loras adapters of max_rank on every attention
    /// and dense MLP projection (16-bit), sharded with their layer.
    static func loraBytes(_ inputs: FitInputs, tp: Int) -> Double {
        guard let lora = inputs.lora else { return 0 }
        let a = inputs.architecture
        let h = a.hiddenSize, attention = a.attentionHeads * a.headDim, kv = a.kvHeads * a.headDim
        let mlp = a.moe == nil ? a.intermediateSize : 0
        let perLayer = (h + attention + 2 * kv) + (attention + h) + (h + 2 * mlp) + (mlp + h) * (mlp > 0 ? 1 : 0)
        return Double(lora.maxLoras * lora.maxRank * perLayer * a.layers * 2) / Double(tp)
    }

    /// The largest max_model_len one request could use, searched the way vLLM's error message
    /// does; V0's activation jumps at 32K (chunked prefill switches on), so each side is searched.
    static func longestFitting(_ inputs: FitInputs) -> Int {
        let ceiling = inputs.architecture.maxContext > 0 ? inputs.architecture.maxContext : Int(Model.Serving.maxModelLenLimit)
        let segments = inputs.engine.isV1 || ceiling <= 32768 ? [1...ceiling] : [1...32768, 32769...ceiling]
        var best = 0
        for segment in segments {
            var low = segment.lowerBound, high = segment.upperBound
            guard fitsAt(inputs, low) else { continue }
            while low < high {
                let middle = low + (high - low + 1) / 2
                if fitsAt(inputs, middle) { low = middle } else { high = middle - 1 }
            }
            best = max(best, low)
        }
        return best
    }

    static func fitsAt(_ inputs: FitInputs, _ length: Int) -> Bool {
        estimate(inputs, length: length, searchingLength: false).fits
    }
}
