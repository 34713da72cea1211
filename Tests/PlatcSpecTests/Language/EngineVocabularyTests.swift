import PlatcSpec
import Testing

/// The vocabulary against the lists read from vLLM's releases (docs/research/vllm-engine-features-notes.md).
@Suite struct EngineVocabularyTests {
    static let v0110 = EngineVersion(0, 11, 0)

    @Test func vLLM0110HasTheListsItsCodeRegisters() {
        #expect(
            EngineVocabulary.quantization.names(at: Self.v0110) == [
                "auto-round", "awq", "awq_marlin", "bitblas", "bitsandbytes", "compressed-tensors", "deepspeedfp", "experts_int8",
                "fbgemm_fp8", "fp8", "gguf", "gptq", "gptq_bitblas", "gptq_marlin", "gptq_marlin_24", "hqq", "inc", "ipex", "modelopt",
                "modelopt_fp4", "moe_wna16", "mxfp4", "petit_nvfp4", "ptpc_fp8", "quark", "rtn", "torchao", "tpu_int8",
            ])
        #expect(
            EngineVocabulary.toolCallParsers.names(at: Self.v0110) == [
                "deepseek_v3", "deepseek_v31", "glm45", "granite", "granite-20b-fc", "hermes", "hunyuan_a13b", "internlm", "jamba",
                "kimi_k2", "llama3_json", "llama4_json", "llama4_pythonic", "longcat", "minimax", "mistral", "openai", "phi4_mini_json",
                "pythonic", "qwen3_coder", "qwen3_xml", "seed_oss", "step3", "xlam",
            ])
        #expect(
            EngineVocabulary.reasoningParsers.names(at: Self.v0110) == [
                "deepseek_r1", "glm45", "granite", "hunyuan_a13b", "mistral", "openai_gptoss", "qwen3", "seed_oss", "step3",
            ])
    }

    /// The size of each checked release's lists, as counted in its code.
    @Test(arguments: [
        ("0.8.5", 27, 10, 2), ("0.9.0", 28, 12, 3), ("0.10.0", 30, 18, 6), ("0.10.1", 30, 19, 8), ("0.10.2", 28, 22, 8),
        ("0.11.0", 28, 24, 9), ("0.11.2", 29, 27, 15), ("0.15.0", 25, 31, 16), ("0.28.0", 30, 48, 31), ("0.34.0", 32, 62, 44),
    ])
    func eachCheckedReleaseCountsAsItsCode(_ version: String, _ methods: Int, _ tools: Int, _ reasoning: Int) throws {
        let release = try #require(EngineVersion(parsing: version))
        #expect(EngineVocabulary.quantization.names(at: release).count == methods)
        #expect(EngineVocabulary.toolCallParsers.names(at: release).count == tools)
        #expect(EngineVocabulary.reasoningParsers.names(at: release).count == reasoning)
    }

    @Test func releasesBetweenAndBeyondTheCheckedOnesTakeTheNearestEarlierList() throws {
        let methods = EngineVocabulary.quantization
        #expect(methods.names(at: EngineVersion(0, 11, 1)) == methods.names(at: Self.v0110))
        #expect(methods.names(at: EngineVersion(0, 6, 0)) == methods.names(at: EngineVersion(0, 8, 5)))
        #expect(methods.names(at: EngineVersion(1, 2, 0)) == methods.names(at: EngineVersion(0, 34, 0)))
        #expect(methods.term("aqlm")?.exists(in: EngineVersion(0, 10, 0)) == true)
        #expect(methods.term("aqlm")?.exists(in: EngineVersion(0, 10, 1)) == false)
        #expect(methods.term("mxfp4")?.exists(in: EngineVersion(0, 10, 1)) == true)
        #expect(methods.term("bitsandbytes")?.exists(in: EngineVersion(0, 27, 0)) == true)
        #expect(methods.term("bitsandbytes")?.exists(in: EngineVersion(0, 28, 0)) == false)
    }

    @Test func namesAreSortedDistinctAndTheirRangesNonEmpty() {
        for vocabulary in [EngineVocabulary.quantization, .toolCallParsers, .reasoningParsers] {
            #expect(vocabulary.names == vocabulary.names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            #expect(Set(vocabulary.names).count == vocabulary.names.count, "\(vocabulary.flag)")
            for term in vocabulary.terms {
                if let since = term.since, let until = term.until { #expect(since < until, "\(term.name)") }
            }
        }
    }

    /// The language accepts every name of every release, and `none` for quantization.
    @Test func theLanguageEnumeratesTheUnion() throws {
        let serving = try #require(
            Model.shape.field("serving").flatMap { field -> ObjectShape? in
                if case .object(let shape) = field.type { shape } else { nil }
            })
        func words(_ key: String) -> [String] {
            if case .oneOf(let words)? = serving.field(key)?.type { words } else { [] }
        }
        #expect(words("quantization") == ["none"] + EngineVocabulary.quantization.names)
        #expect(words("toolCallParser") == EngineVocabulary.toolCallParsers.names)
        #expect(words("reasoningParser") == EngineVocabulary.reasoningParsers.names)
    }

    @Test func noneIsNoMethod() throws {
        #expect(Model.Serving.noQuantization == "none")
        #expect(EngineVocabulary.quantization.term("none") == nil, "vLLM has no method called none")
    }
}
