import PlatcChecks
import PlatcFacts
import PlatcSpec
import Testing

/// vLLM's pooling runner (`serving.task: embed`, docs/research/vllm-pooling-notes.md): the profile
/// run pools instead of sampling, and a converted causal LM loads no lm_head.
@Suite struct PoolingFitTests {
    static func inputs(_ file: String, pooling: Bool) throws -> FitInputs {
        FitInputs(
            architecture: try FitTestData.architecture(file), weightFormat: .bits16, visibleGiB: 22.07, utilization: 0.9,
            maxModelLen: 8192, engine: EngineVersion(0, 11), pooling: pooling)
    }

    @Test func poolingHasNoSamplerWarmUp() throws {
        let generate = FitEstimator.estimate(try Self.inputs("Qwen--Qwen3-0.6B.json", pooling: false))
        let embed = FitEstimator.estimate(try Self.inputs("Qwen--Qwen3-0.6B.json", pooling: true))
        // 9.7 copies × 256 seqs × 151,936 vocab × 4 B ≈ 1.41 GiB of logits, gone; the forward pass stays.
        #expect(generate.activationGiB > 1.3 && embed.activationGiB < 0.1)
        #expect(abs((embed.kvCacheGiB - generate.kvCacheGiB) - (generate.activationGiB - embed.activationGiB)) < 1e-9)
        #expect(embed.weightsGiB == generate.weightsGiB, "tied embeddings: the lm_head is the input embedding")
    }

    @Test func anUntiedHeadIsDropped() throws {
        let generate = FitEstimator.estimate(try Self.inputs("meta-llama--Llama-3.1-8B.json", pooling: false))
        let embed = FitEstimator.estimate(try Self.inputs("meta-llama--Llama-3.1-8B.json", pooling: true))
        // 128,256 × 4,096 × 2 B = 0.98 GiB of lm_head.
        #expect(abs((generate.weightsGiB - embed.weightsGiB) - 128_256.0 * 4_096 * 2 / 1_073_741_824) < 1e-9)
        #expect(generate.parameters - embed.parameters == 128_256 * 4_096)
    }

    @Test func theEmbeddingFlagsFollowTheRelease() {
        #expect(EngineVersion(0, 8, 5).embeddingFlags == ["--task", "embed"])
        #expect(EngineVersion(0, 10, 0).embeddingFlags == ["--task", "embed"])
        #expect(EngineVersion(0, 10, 1).embeddingFlags == ["--runner", "pooling", "--convert", "embed"])
        #expect(EngineVersion(0, 34).embeddingFlags == ["--runner", "pooling", "--convert", "embed"])
    }

    @Test func providerKeyVariables() {
        #expect(LiteLLMEnvironment.providerKey(secret: "anthropic", key: "ANTHROPIC_API_KEY") == "ANTHROPIC_API_KEY")
        #expect(LiteLLMEnvironment.providerKey(secret: "anthropic", key: "api-key") == "ANTHROPIC_API_KEY")
        #expect(LiteLLMEnvironment.providerKey(secret: "openai-prod", key: "token.v2") == "OPENAI_PROD_TOKEN_V2")
        #expect(LiteLLMEnvironment.providerKey(secret: "3rd", key: "key") == "_3RD_KEY")
    }
}
