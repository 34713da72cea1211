import PlatcChecks
import PlatcFacts
import PlatcSpec
import Testing

/// KV bytes per token (bf16, TP1) against docs/research/gpu-fit-notes.md §1.2, and how TP, fp8, MLA and windows change it.
@Suite struct KVCacheTests {
    static let v011 = EngineVersion(0, 11)

    static func layout(_ file: String, tp: Int = 1, kvBytes: Int = 2, engine: EngineVersion = v011) throws -> KVCacheLayout {
        KVCacheLayout(try FitTestData.architecture(file), tensorParallel: tp, kvBytes: kvBytes, engine: engine, blockSize: nil)
    }

    @Test(arguments: [
        ("meta-llama--Llama-3.1-8B.json", 131_072), ("Qwen--Qwen2.5-7B.json", 57_344), ("Qwen--Qwen3-32B.json", 262_144),
        ("Qwen--Qwen3-0.6B.json", 114_688), ("mistralai--Mixtral-8x7B-v0.1.json", 131_072),
        ("microsoft--Phi-3-mini-4k-instruct.json", 393_216), ("google--gemma-2-9b-it.json", 344_064),
        ("Qwen--Qwen3-30B-A3B.json", 98_304), ("openai--gpt-oss-20b.json", 49_152),
        ("deepseek-ai--DeepSeek-Coder-V2-Lite-Instruct.json", 31_104),
    ])
    func bytesPerTokenMatchNotes(_ file: String, _ bytes: Int) throws {
        #expect(try Self.layout(file).bytesPerToken == bytes)
    }

    @Test func tensorParallelSplitsKVHeadsDownToOne() throws {
        // Llama-3.1-8B has 8 KV heads: TP2 halves, TP16 replicates one head per rank.
        #expect(try Self.layout("meta-llama--Llama-3.1-8B.json", tp: 2).bytesPerToken == 65_536)
        #expect(try Self.layout("meta-llama--Llama-3.1-8B.json", tp: 16).bytesPerToken == 16_384)
    }

    @Test func fp8HalvesTheCache() throws {
        #expect(try Self.layout("meta-llama--Llama-3.1-8B.json", kvBytes: 1).bytesPerToken == 65_536)
    }

    @Test func mlaIsNotSplitByTensorParallel() throws {
        #expect(try Self.layout("deepseek-ai--DeepSeek-Coder-V2-Lite-Instruct.json", tp: 4).bytesPerToken == 31_104)
    }

    /// Before MLA, vLLM stored DeepSeek K/V per head padded to 256: 442,368 B/token (vllm#4650).
    @Test func deepSeekBeforeMLAStoresEveryHead() throws {
        let old = try Self.layout("deepseek-ai--DeepSeek-Coder-V2-Lite-Instruct.json", engine: EngineVersion(0, 5))
        #expect(old.bytesPerToken == 442_368)
    }

    /// gpt-oss: 12 sliding layers (window 128) need a few blocks whatever the context.
    @Test func slidingLayersNeedOnlyTheirWindow() throws {
        let layout = try Self.layout("openai--gpt-oss-20b.json")
        #expect(layout.groups.size == 12)
        let full = (32768 + 15) / 16
        let sliding = (128 - 1 + 2048 + 15) / 16 + 1
        #expect(layout.blocksPerRequest(length: 32768, batchedTokens: 2048) == full + sliding)
    }
}
