import PlatcFacts

/// The GPU-fit numbers platc stamps on each vLLM pod, per GPU, in MiB: Kyverno cannot compute
/// VRAM, it can only compare these with the GPU class's memory.
///
///     reserved = visible memory × gpuMemoryUtilization                       (what vLLM takes)
///     required = weights + activations + non-torch (CUDA context, NCCL) + LoRA slots
///                [+ CUDA graphs when the engine counts them in its budget, vLLM ≥ 0.21]
///                + the KV cache of one maxModelLen sequence
///
/// `required ≤ reserved` is exactly platc's fit/does-not-fit verdict (up to one KV block).
/// Reserved rounds down and required rounds up, so rounding never turns a misfit into a fit.
enum GPUFitAnnotations {
    static let mib = 1024.0

    static func reservedMiB(_ estimate: FitEstimate) -> Int64 { Int64((estimate.budgetGiB * mib).rounded(.down)) }

    static func requiredMiB(_ estimate: FitEstimate) -> Int64 {
        Int64(((estimate.weightsGiB + estimate.overheadGiB + estimate.kvPerRequestGiB) * mib).rounded(.up))
    }

    /// Empty when the estimator could not run (a check error then; nothing is rendered anyway).
    static func of(_ fit: ModelFit?) -> [(String, String)] {
        guard let estimate = fit?.estimate else { return [] }
        return [
            (Conventions.vramReservedAnnotation, "\(reservedMiB(estimate))"),
            (Conventions.vramRequiredAnnotation, "\(requiredMiB(estimate))"),
            (Conventions.weightsAnnotation, "\(Int64((estimate.weightsGiB * mib).rounded(.up)))"),
            (Conventions.kvCacheTokensAnnotation, "\(estimate.kvTokens)"),
            (Conventions.maxConcurrencyAnnotation, estimate.concurrency.description),
        ]
    }
}
