/// What the estimator predicts for one replica's GPU, in the units vLLM logs (GiB = 2^30 bytes),
/// so a user can diff it against the start-up log.
public struct FitEstimate: Sendable, Equatable {
    public var parameters: Int64
    /// Of `parameters`, the vision tower's (0: none, or not built).
    public var visionParameters: Int64
    public var visibleGiB: Double
    /// visible × gpuMemoryUtilization: what vLLM may use.
    public var budgetGiB: Double
    public var weightsGiB: Double
    public var activationGiB: Double
    /// Of the activation, the encoder outputs a multimodal profile run keeps (0: none).
    public var encoderCacheGiB: Double
    public var nonTorchGiB: Double
    /// CUDA-graph memory: inside the budget from vLLM 0.21, else in the (1 − util) headroom.
    public var cudaGraphGiB: Double
    public var cudaGraphInBudget: Bool
    /// LoRA adapter slots vLLM preallocates.
    public var loraGiB: Double
    /// What is left for the KV cache (vLLM's "Available KV cache memory"); negative: start-up fails.
    public var kvCacheGiB: Double
    public var kvBytesPerToken: Int
    /// KV cache one request of maxModelLen needs (sliding layers only their window).
    public var kvPerRequestGiB: Double
    public var blockSize: Int
    public var kvBlocks: Int
    /// vLLM's "GPU KV cache size: N tokens".
    public var kvTokens: Int
    /// vLLM's "Maximum concurrency for maxModelLen tokens per request".
    public var maxConcurrency: Double
    /// The longest maxModelLen one request could have here (0: none), capped at the model's context.
    public var maxModelLenThatFits: Int
    public var maxNumSeqs: Int
    public var maxNumBatchedTokens: Int
    /// One request of maxModelLen fits in the KV cache.
    public var fits: Bool
}
