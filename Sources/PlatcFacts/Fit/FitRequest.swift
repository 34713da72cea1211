import PlatcSpec

/// How a model is to be served, in the estimator's terms: read from a model's `serving`, or from
/// `platc fit --config`'s flags (what-if). Both go through `inputs`, so the two modes cannot map
/// the same setting differently.
public struct FitRequest: Sendable {
    /// `source.parameters` / `--parameters`: replaces the family formula.
    public var parameters: Int64?
    /// `source.measuredWeights` / `--measured-weights`, in GiB at TP 1: replaces the weight estimate.
    public var measuredWeightsGiB: Double?
    /// The --quantization method vLLM is given; nil: none, the checkpoint's own quantization_config.
    public var quantization: String?
    public var utilization: Double
    public var maxModelLen: Int
    public var tensorParallel: Int
    /// nil: vLLM's default for the GPU and engine.
    public var maxNumSeqs: Int?
    public var maxNumBatchedTokens: Int?
    public var kvCacheDtype: Model.Serving.KVCacheDtype
    public var engine: EngineVersion
    /// nil: vLLM's (16, or 64 for MLA).
    public var blockSize: Int?
    public var lora: FitInputs.LoRA?
    /// `serving.task: embed`: vLLM's pooling runner (no sampler, no lm_head).
    public var pooling: Bool
    /// `serving.languageModelOnly` / `--language-model-only`.
    public var languageModelOnly: Bool
    /// `serving.env` sets VLLM_ALLOW_CHUNKED_LOCAL_ATTN_WITH_HYBRID_KV_CACHE to 1.
    public var chunkedAttentionInHybridManager: Bool

    /// The variable that lets vLLM's hybrid manager keep chunked local attention to its chunk.
    public static let chunkedHybridVariable = "VLLM_ALLOW_CHUNKED_LOCAL_ATTN_WITH_HYBRID_KV_CACHE"

    public init(
        parameters: Int64?, quantization: String?, utilization: Double, maxModelLen: Int, tensorParallel: Int, maxNumSeqs: Int?,
        maxNumBatchedTokens: Int?, kvCacheDtype: Model.Serving.KVCacheDtype, engine: EngineVersion, blockSize: Int? = nil,
        lora: FitInputs.LoRA? = nil, pooling: Bool = false, languageModelOnly: Bool = false, chunkedAttentionInHybridManager: Bool = false
    ) {
        self.parameters = parameters
        self.quantization = quantization
        self.utilization = utilization
        self.maxModelLen = maxModelLen
        self.tensorParallel = tensorParallel
        self.maxNumSeqs = maxNumSeqs
        self.maxNumBatchedTokens = maxNumBatchedTokens
        self.kvCacheDtype = kvCacheDtype
        self.engine = engine
        self.blockSize = blockSize
        self.lora = lora
        self.pooling = pooling
        self.languageModelOnly = languageModelOnly
        self.chunkedAttentionInHybridManager = chunkedAttentionInHybridManager
        measuredWeightsGiB = nil
    }

    /// What the model's sources ask for.
    public init(_ model: Model) {
        let serving = model.serving
        self.init(
            parameters: model.source.parameters?.value, quantization: serving.quantizationMethod,
            utilization: serving.gpuMemoryUtilization.value.value, maxModelLen: Int(serving.maxModelLen.value),
            tensorParallel: Int(serving.tensorParallel.value), maxNumSeqs: Int(serving.maxNumSeqs.value),
            maxNumBatchedTokens: serving.maxNumBatchedTokens.map { Int($0.value) }, kvCacheDtype: serving.kvCacheDtype.value,
            engine: serving.engineVersion,
            lora: model.lora.map { FitInputs.LoRA(maxLoras: Int($0.maxLoras.value), maxRank: Int($0.maxRank.value)) },
            pooling: serving.task.value == .embed, languageModelOnly: serving.languageModelOnly.value,
            chunkedAttentionInHybridManager: serving.env.contains {
                $0.name.value == Self.chunkedHybridVariable && ["1", "true"].contains($0.value?.value.lowercased() ?? "")
            })
        measuredWeightsGiB = model.source.measuredWeights?.value.gibibytes
    }

    /// How the weights are stored, once platc knows it can count them: what the request's
    /// architecture and quantization leave to size.
    public func weightFormat(_ architecture: ModelArchitecture) throws(ModelFit.Problem) -> WeightFormat {
        let measured = measuredWeightsGiB != nil
        if architecture.family == nil, parameters == nil, !measured { throw .unknownArchitecture(architecture.name) }
        do {
            return try WeightFormat(method: quantization, config: architecture.quantizationConfig)
        } catch {
            // Measured weights need no format; the activation treats the checkpoint as 16-bit.
            if measured { return .bits16 }
            throw .unknownQuantization(error.name)
        }
    }

    /// The estimator's inputs for `architecture`, stored as `format`, on a GPU showing `visibleGiB` to CUDA.
    public func inputs(_ architecture: ModelArchitecture, _ format: WeightFormat, visibleGiB: Double, gpuFamily: String?) -> FitInputs {
        FitInputs(
            architecture: architecture, parameters: parameters, weightFormat: format, visibleGiB: visibleGiB, gpuFamily: gpuFamily,
            utilization: utilization, maxModelLen: maxModelLen, tensorParallel: tensorParallel, maxNumSeqs: maxNumSeqs,
            maxNumBatchedTokens: maxNumBatchedTokens, kvBytes: kvCacheDtype.bytes, engine: engine, blockSize: blockSize, lora: lora,
            pooling: pooling, languageModelOnly: languageModelOnly, chunkedAttentionInHybridManager: chunkedAttentionInHybridManager,
            measuredWeightsGiB: measuredWeightsGiB)
    }
}
