import PlatcSpec

/// Everything the estimate depends on: the model's shape, how it is served, and the GPU.
public struct FitInputs: Sendable {
    public var architecture: ModelArchitecture
    /// An explicit parameter count (model `source.parameters`) replaces the family formula.
    public var parameters: Int64?
    public var weightFormat: WeightFormat
    /// Memory CUDA reports per GPU, in GiB.
    public var visibleGiB: Double
    /// Lower-case GPU family ("h100", "a100"…), when known: vLLM's defaults depend on it.
    public var gpuFamily: String?
    public var utilization: Double
    public var maxModelLen: Int
    public var tensorParallel: Int
    /// nil: vLLM's default for this GPU and engine.
    public var maxNumSeqs: Int?
    public var maxNumBatchedTokens: Int?
    /// 2 for bf16/fp16 KV, 1 for fp8.
    public var kvBytes: Int
    public var engine: EngineVersion
    public var blockSize: Int?
    public var lora: LoRA?
    /// vLLM's pooling runner (`serving.task: embed`): its profile run pools instead of sampling,
    /// and a converted `*ForCausalLM` loads no lm_head (docs/gpu-fit.md, "Embedding models").
    public var pooling: Bool
    /// Serve a multimodal checkpoint as text only (`--limit-mm-per-prompt` of 0): no encoder
    /// profile, and no vision tower where vLLM then skips building it.
    public var languageModelOnly: Bool
    /// VLLM_ALLOW_CHUNKED_LOCAL_ATTN_WITH_HYBRID_KV_CACHE=1: chunked local attention layers keep
    /// only their chunk (otherwise vLLM charges them the full context).
    public var chunkedAttentionInHybridManager: Bool
    /// Weights per GPU at TP 1 as vLLM logged them (GiB): replaces the parameter formula.
    public var measuredWeightsGiB: Double?

    public struct LoRA: Sendable, Equatable {
        public var maxLoras: Int
        public var maxRank: Int

        public init(maxLoras: Int, maxRank: Int) {
            self.maxLoras = maxLoras
            self.maxRank = maxRank
        }
    }

    public init(
        architecture: ModelArchitecture, parameters: Int64? = nil, weightFormat: WeightFormat, visibleGiB: Double,
        gpuFamily: String? = nil, utilization: Double, maxModelLen: Int, tensorParallel: Int = 1, maxNumSeqs: Int? = nil,
        maxNumBatchedTokens: Int? = nil, kvBytes: Int = 2, engine: EngineVersion, blockSize: Int? = nil, lora: LoRA? = nil,
        pooling: Bool = false, languageModelOnly: Bool = false, chunkedAttentionInHybridManager: Bool = false,
        measuredWeightsGiB: Double? = nil
    ) {
        self.architecture = architecture
        self.parameters = parameters
        self.weightFormat = weightFormat
        self.visibleGiB = visibleGiB
        self.gpuFamily = gpuFamily
        self.utilization = utilization
        self.maxModelLen = maxModelLen
        self.tensorParallel = tensorParallel
        self.maxNumSeqs = maxNumSeqs
        self.maxNumBatchedTokens = maxNumBatchedTokens
        self.kvBytes = kvBytes
        self.engine = engine
        self.blockSize = blockSize
        self.lora = lora
        self.pooling = pooling
        self.languageModelOnly = languageModelOnly
        self.chunkedAttentionInHybridManager = chunkedAttentionInHybridManager
        self.measuredWeightsGiB = measuredWeightsGiB
    }

    /// vLLM's --max-num-seqs default: V1 gives large non-A100 GPUs (≥ 70 GiB) 1024, others 256.
    public var resolvedMaxNumSeqs: Int {
        maxNumSeqs ?? (engine.isV1 && isLargeGPU ? 1024 : 256)
    }

    /// vLLM's --max-num-batched-tokens default for `length`: V1 chunks prefill (8192 on large GPUs,
    /// else 2048); V0 chunks only above 32K context, else one prefill is the whole context.
    public func resolvedBatchedTokens(length: Int) -> Int {
        if let maxNumBatchedTokens { return maxNumBatchedTokens }
        if engine.isV1 { return isLargeGPU ? 8192 : 2048 }
        return length > 32768 ? 2048 : max(length, 2048)
    }

    var isLargeGPU: Bool { visibleGiB >= 70 && gpuFamily != "a100" }
}
