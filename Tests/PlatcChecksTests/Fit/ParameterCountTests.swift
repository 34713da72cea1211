import PlatcChecks
import PlatcFacts
import PlatcSpec
import Testing

/// The per-family formulas against the totals in docs/research/gpu-fit-notes.md §2 (checked
/// there against checkpoint sizes and published totals): exact, to the parameter.
@Suite struct ParameterCountTests {
    static let expected: [(file: String, family: ModelArchitecture.Family, total: Int64)] = [
        ("meta-llama--Llama-3.1-8B.json", .llama, 8_030_261_248),
        ("Qwen--Qwen2.5-7B.json", .qwen2, 7_615_616_512),
        ("Qwen--Qwen2.5-0.5B-Instruct.json", .qwen2, 494_032_768),
        ("Qwen--Qwen3-0.6B.json", .qwen3, 596_049_920),
        ("Qwen--Qwen3-32B.json", .qwen3, 32_762_123_264),
        ("Qwen--Qwen3-30B-A3B.json", .qwen3MoE, 30_532_122_624),
        ("mistralai--Mixtral-8x7B-v0.1.json", .mixtral, 46_702_792_704),
        ("microsoft--Phi-3-mini-4k-instruct.json", .phi3, 3_821_079_552),
        ("google--gemma-2-9b-it.json", .gemma2, 9_241_705_984),
        ("deepseek-ai--DeepSeek-Coder-V2-Lite-Instruct.json", .deepseekV2, 15_706_484_224),
        ("openai--gpt-oss-20b.json", .gptOSS, 20_914_757_184),
        ("meta-llama--Llama-2-7b-hf.json", .llama, 6_738_415_616),
        ("meta-llama--Llama-2-70b-hf.json", .llama, 68_976_648_192),
        ("meta-llama--Meta-Llama-3-70B.json", .llama, 70_553_706_496),
    ]

    @Test(arguments: expected.map(\.file))
    func totalMatchesNotes(_ file: String) throws {
        let entry = try #require(Self.expected.first { $0.file == file })
        let architecture = try FitTestData.architecture(file)
        #expect(architecture.family == entry.family)
        #expect(ParameterCount(architecture).total == entry.total, "\(file)")
    }

    /// Gemma-2's bf16 parameters are exactly its checkpoint's safetensors total_size.
    @Test func gemmaMatchesCheckpointBytes() throws {
        #expect(ParameterCount(try FitTestData.architecture("google--gemma-2-9b-it.json")).total * 2 == 18_483_411_968)
    }

    /// Tied embeddings are counted once (Qwen2.5-0.5B, Qwen3-0.6B; Gemma by default).
    @Test func tiedEmbeddingsCountOnce() throws {
        let small = try FitTestData.architecture("Qwen--Qwen2.5-0.5B-Instruct.json")
        #expect(small.tiedEmbeddings)
        #expect(ParameterCount(small).embeddings == 151_936 * 896)
    }

    /// An architecture without transformers defaults in platc names every key it lacks.
    @Test func unknownFieldsAreNamed() throws {
        let config = try JSONParser.parse(Array(#"{"model_type": "mamba", "hidden_size": 4096}"#.utf8)).get()
        #expect(
            throws: ModelArchitecture.Unreadable(
                missing: ["num_hidden_layers", "vocab_size", "num_attention_heads"], architecture: "mamba")
        ) {
            try ModelArchitecture(config: config)
        }
    }

    /// Sizes no checkpoint has are refused by name (each key) or together (the parameter bound),
    /// before a count can overflow.
    @Test func implausibleSizesAreRefused() throws {
        let huge = try JSONParser.parse(Array(#"{"model_type": "llama", "hidden_size": 9000000000000}"#.utf8)).get()
        #expect(throws: ModelArchitecture.Unreadable(missing: [], implausible: ["hidden_size"], architecture: "llama")) {
            try ModelArchitecture(config: huge)
        }
        let together = try JSONParser.parse(
            Array(#"{"model_type": "llama", "hidden_size": 1000000, "num_hidden_layers": 1000000, "vocab_size": 32000}"#.utf8)
        ).get()
        #expect(throws: ModelArchitecture.Unreadable(missing: [], implausible: ["sizes"], architecture: "llama")) {
            try ModelArchitecture(config: together)
        }
    }

    /// A known model_type takes what the file leaves out from its transformers class, and says so.
    @Test func missingKeysOfAKnownFamilyComeFromItsClass() throws {
        let config = try JSONParser.parse(Array(#"{"model_type": "llama", "hidden_size": 4096}"#.utf8)).get()
        let architecture = try ModelArchitecture(config: config)
        #expect(architecture.vocabSize == 32000 && architecture.layers == 32 && architecture.maxContext == 2048)
        #expect(architecture.defaulted.map(\.key).contains("vocab_size"))
        #expect(architecture.defaulted.allSatisfy { $0.configClass == "LlamaConfig" })
        #expect(!architecture.defaulted.map(\.key).contains("hidden_size"))
    }
}
