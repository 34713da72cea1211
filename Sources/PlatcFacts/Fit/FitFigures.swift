import PlatcSpec

/// The estimate's figures as every surface prints them, each fixed once: the Kyverno annotation,
/// `platc fit` (text and JSON), the check messages, the catalog and `platc diff` read these, so a
/// model's numbers carry the same digits everywhere (a test holds them equal).
extension FitEstimate {
    /// Full-length requests the cache holds at once, in hundredths, rounded down: a figure that
    /// must never promise a request more than fits (vLLM logs it as "%.2fx").
    public var concurrency: FixedDecimal { FixedDecimal(maxConcurrency, places: 2, rounding: .down) }

    /// A GiB figure to two decimals, half away from zero, as vLLM logs GiB.
    public static func gib(_ value: Double) -> FixedDecimal { FixedDecimal(value, places: 2) }

    public var kvCache: FixedDecimal { Self.gib(kvCacheGiB) }
    public var weights: FixedDecimal { Self.gib(weightsGiB) }
    public var budget: FixedDecimal { Self.gib(budgetGiB) }
    public var visible: FixedDecimal { Self.gib(visibleGiB) }
    /// What vLLM needs besides weights and KV cache: activations, non-torch memory, LoRA slots,
    /// and CUDA graphs when the engine counts them in its budget.
    public var overheadGiB: Double { activationGiB + nonTorchGiB + loraGiB + (cudaGraphInBudget ? cudaGraphGiB : 0) }
    public var overhead: FixedDecimal { Self.gib(overheadGiB) }
}
