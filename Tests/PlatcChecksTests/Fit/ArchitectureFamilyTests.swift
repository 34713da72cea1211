import PlatcChecks
import PlatcFacts
import PlatcSpec
import Testing

/// The families of issue 26 (Gemma 3, Llama 4, Qwen3-Next, Mistral 3's vision tower) on their
/// real config.json files: totals against the published checkpoint totals, and the KV layouts
/// against what vLLM logged for them (Tests/Fixtures/gpufit; docs/gpu-fit.md, "Coverage").
@Suite struct ArchitectureFamilyTests {
    static let gib = 1_073_741_824.0

    /// Published totals (docs/research/gpu-fit-architectures-notes.md, Part 1 §3): Qwen3-Next's is the
    /// checkpoint's 81,324,862,720 less its MTP layer, which vLLM does not load.
    static let checkpoints: [(file: String, family: ModelArchitecture.Family, total: Int64, vision: Int64)] = [
        ("google--gemma-3-1b-it.json", .gemma3, 999_885_952, 0),
        // Vision tower + projector: SigLIP 416,866,032 and the projection of 2,950,272 / 6,194,304.
        ("google--gemma-3-4b-it.json", .gemma3, 4_300_079_472, 419_816_304),
        ("google--gemma-3-27b-it.json", .gemma3, 27_432_406_640, 423_060_336),
        // Llama 4's ViT 850,960,896 and projector 20,971,520.
        ("meta-llama--Llama-4-Scout-17B-16E-Instruct.json", .llama4, 108_641_793_536, 871_932_416),
        ("Qwen--Qwen3-Next-80B-A3B-Thinking.json", .qwen3Next, 79_674_391_296, 0),
        // The model without its MTP layer (vLLM skips it); the checkpoint holds 110,468,824,832.
        ("zai-org--GLM-4.5-Air.transformers-repr.json", .glm4MoE, 106_852_251_264, 0),
        // Pixtral 403,305,472 and the projector with its patch merger 35,652,608.
        ("mistralai--Mistral-Small-3.1-24B-Instruct-2503.json", .mistral, 24_011_361_280, 438_958_080),
    ]

    @Test(arguments: checkpoints.map(\.file))
    func totalMatchesTheCheckpoint(_ file: String) throws {
        let entry = try #require(Self.checkpoints.first { $0.file == file })
        let architecture = try FitTestData.architecture(file)
        #expect(architecture.family == entry.family)
        #expect(ParameterCount(architecture).total == entry.total, "\(file)")
        #expect((architecture.vision?.parameters ?? 0) == entry.vision, "\(file)")
    }

    /// Qwen3-Next at TP 2 on vLLM 0.10.2 logged a 544-token block, 973,760 tokens and 14.77
    /// requests of 262,144 from 44.59 GiB: the layout reproduces all three from that figure.
    @Test func qwen3NextLayoutReproducesTheLog() throws {
        let architecture = try FitTestData.architecture("Qwen--Qwen3-Next-80B-A3B-Thinking.json")
        #expect(architecture.layerAttention.filter { $0 == .linear }.count == 36)
        let layout = KVCacheLayout(architecture, tensorParallel: 2, kvBytes: 2, engine: EngineVersion(0, 10, 2), blockSize: nil)
        #expect(layout.blockSize == 544)
        let blocks = layout.blocks(fitting: 44.59 * Self.gib)
        #expect(layout.tokens(blocks: blocks) == 973_760)
        let concurrency = Double(blocks) / Double(layout.blocksPerRequest(length: 262_144, batchedTokens: 8192))
        #expect(Figures.fixed(concurrency, places: 2) == "14.77")
    }

    /// Llama 4's chunked layers: charged the full context by default (vLLM turns its hybrid
    /// manager off for them); with VLLM_ALLOW_CHUNKED_LOCAL_ATTN_WITH_HYBRID_KV_CACHE=1 they keep
    /// a chunk, and the logged 3.12 requests of 10M tokens follow from 89.71 GiB of fp8 cache.
    @Test func llama4ChunkedLayersFollowTheHybridManager() throws {
        let architecture = try FitTestData.architecture("meta-llama--Llama-4-Scout-17B-16E-Instruct.json")
        #expect(architecture.layerAttention.filter { $0 == .full }.count == 12)
        let engine = EngineVersion(0, 12)
        let plain = KVCacheLayout(architecture, tensorParallel: 8, kvBytes: 1, engine: engine, blockSize: nil)
        #expect(plain.layers.allSatisfy { $0 == .full })
        let hybrid = KVCacheLayout(
            architecture, tensorParallel: 8, kvBytes: 1, engine: engine, blockSize: nil, chunkedInHybridManager: true)
        let blocks = hybrid.blocks(fitting: 89.71 * Self.gib)
        let concurrency = Double(blocks) / Double(hybrid.blocksPerRequest(length: 10_000_000, batchedTokens: 8192))
        #expect(Figures.fixed(concurrency, places: 2) == "3.12")
        // Logged 7,838,976 tokens; 89.71 is the log's GiB rounded to hundredths.
        #expect(abs(hybrid.tokens(blocks: blocks) - 7_838_976) < 2_000)
    }

    /// Gemma 3 1B: five sliding layers to one global, as transformers derives them; vLLM groups
    /// 4 full and 22 sliding layers into 7 groups (it logged "Add 2 padding layers").
    @Test func gemma3SlidesFiveLayersInSix() throws {
        let architecture = try FitTestData.architecture("google--gemma-3-1b-it.json")
        #expect(architecture.layerAttention.filter { $0 == .full }.count == 4)
        let layout = KVCacheLayout(architecture, tensorParallel: 1, kvBytes: 2, engine: EngineVersion(0, 13), blockSize: nil)
        #expect(layout.groups.size == 4)
        #expect(layout.groups.kinds.reduce(0) { $0 + $1.groups } == 7)
    }

    /// Gemma 3 27B on vLLM 0.11 logged 89,994 blocks, 205,696 tokens and 50.05 requests of 4,096
    /// from 109.86 GiB: 10 global and 52 sliding layers in 7 groups of 10 (8 padding layers).
    @Test func gemma3LayoutReproducesTheLog() throws {
        let architecture = try FitTestData.architecture("google--gemma-3-27b-it.json")
        let layout = KVCacheLayout(architecture, tensorParallel: 1, kvBytes: 2, engine: EngineVersion(0, 11), blockSize: nil)
        let blocks = layout.blocks(fitting: 109.86 * Self.gib)
        #expect(abs(blocks - 89_994) < 10)  // 109.86 is the log's GiB rounded to hundredths
        #expect(layout.tokens(blocks: 89_994) == 205_696)
        let concurrency = Double(89_994) / Double(layout.blocksPerRequest(length: 4096, batchedTokens: 8192))
        #expect(Figures.fixed(concurrency, places: 2) == "50.05")
    }

    /// Text only: Llama 4 and Mistral 3 then skip the tower, Gemma 3 still loads it; none of them
    /// profiles the encoder.
    @Test func languageModelOnlySkipsWhatVLLMSkips() throws {
        let scout = try FitTestData.architecture("meta-llama--Llama-4-Scout-17B-16E-Instruct.json")
        #expect(ParameterCount(scout, languageModelOnly: true).total == 107_769_861_120)
        var inputs = FitInputs(
            architecture: scout, weightFormat: .bits16, visibleGiB: 139.81, utilization: 0.9, maxModelLen: 131_072, tensorParallel: 8,
            engine: EngineVersion(0, 11))
        #expect(FitEstimator.estimate(inputs).encoderCacheGiB > 0)
        inputs.languageModelOnly = true
        #expect(FitEstimator.estimate(inputs).encoderCacheGiB == 0)
        let gemma = try FitTestData.architecture("google--gemma-3-4b-it.json")
        #expect(ParameterCount(gemma, languageModelOnly: true).total == ParameterCount(gemma).total)
    }

    /// Gemma 3 4B's published config.json leaves the head counts, head_dim and vocabulary to
    /// Gemma3TextConfig: the published total needs them, `platc fit` names them, and the 128K
    /// context is not scaled again by the linear rope factor.
    @Test func sparseGemma3TakesItsClassDefaults() throws {
        let architecture = try FitTestData.architecture("google--gemma-3-4b-it.json")
        #expect(architecture.vocabSize == 262_208 && architecture.headDim == 256 && architecture.kvHeads == 4)
        #expect(architecture.maxContext == 131_072)
        let keys = architecture.defaulted.map(\.key)
        for key in ["vocab_size", "num_attention_heads", "num_key_value_heads", "head_dim", "max_position_embeddings"] {
            #expect(keys.contains(key), "\(key)")
        }
        #expect(keys.contains("vision_config.num_channels"))
        #expect(architecture.defaulted.first { $0.key == "vocab_size" }?.configClass == "Gemma3TextConfig")
    }
}
