import PlatcSpec

/// The memory accounting that goes with a vLLM version (docs/gpu-fit.md §1.1).
extension EngineVersion {
    /// The V1 engine is the default from 0.8.0; before, the V0 worker profiles memory.
    public var isV1: Bool { self >= EngineVersion(0, 8) }

    /// From 0.21 the CUDA-graph memory is estimated and taken out of the budget; before, graphs
    /// are captured afterwards in the (1 − utilization) headroom.
    public var budgetsCUDAGraphs: Bool { self >= EngineVersion(0, 21) }

    /// MLA (one compressed latent per token) arrived in 0.7.1; before, DeepSeek stored K and V
    /// per head, padded to a power of two.
    public var hasMLA: Bool { self >= EngineVersion(0, 7, 1) }

    /// The hybrid KV-cache manager (sliding-window layers hold only their window) arrived with
    /// V1 in 0.10; before, every layer is charged full length.
    public var sharesKVAcrossWindows: Bool { self >= EngineVersion(0, 10) }

    /// Copies of `max_num_seqs × vocab` fp32 logits the sampler warm-up holds at its peak.
    /// 9.7 fits the v0.11 H100 profiles of five models within 0.1 GiB; V1 before 0.11 is
    /// smaller (≈ 6, from a v0.8.5 A10 profile); V0 samples once (1 copy) after the forward pass.
    public var samplerLogitCopies: Double {
        if self >= EngineVersion(0, 11) { return 9.7 }
        return isV1 ? 6 : 1
    }

    /// The flags that make vLLM serve a model for embeddings (`serving.task: embed`): `--task
    /// embed` until 0.10.0; from 0.10.1 `--runner pooling --convert embed` (`--task` is deprecated
    /// there and refused from 0.13). `--convert embed` turns a `*ForCausalLM` checkpoint into an
    /// embedder and changes nothing for one that already pools (docs/research/vllm-pooling-notes.md).
    public var embeddingFlags: [String] {
        self >= EngineVersion(0, 10, 1) ? ["--runner", "pooling", "--convert", "embed"] : ["--task", "embed"]
    }
}
