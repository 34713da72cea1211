import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

/// `platc fit` through the binary: the default platform's breakdown (golden), the what-if mode's
/// stable JSON fields, and its usage errors.
@Suite struct FitCommandTests {
    static let configs = Paths.fixtures.appendingPathComponent("gpufit/configs")

    @Test(arguments: ["text", "json"])
    func defaultPlatformBreakdown(_ format: String) throws {
        let result = try platc(["fit", "--format", format], in: Paths.packageRoot)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let golden = Paths.fixtures.appendingPathComponent("fit/default.\(format == "json" ? "json" : "txt")")
        if let diff = try Golden.compare(result.stdout, with: golden) {
            Issue.record("platc fit output changed\n\(diff)")
        }
    }

    @Test func namedModelsOnly() throws {
        let result = try platc(["fit", "qwen3-30b-a3b"], in: Paths.packageRoot)
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("qwen3-30b-a3b on h100"))
        #expect(!result.stdout.contains("llama"))
    }

    @Test func unknownModelIsAUsageError() throws {
        let result = try platc(["fit", "gpt-5"], in: Paths.packageRoot)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("no model 'gpt-5'"))
    }

    static func whatIf(_ arguments: [String]) throws -> (code: Int32, json: JSONValue?, stderr: String) {
        let result = try platc(["fit", "--format", "json"] + arguments)
        return (result.exitCode, try? JSONParser.parse(Array(result.stdout.utf8)).get(), result.stderr)
    }

    @Test func whatIfReportsTheStableFields() throws {
        let config = Self.configs.appendingPathComponent("meta-llama--Llama-3.1-8B.json").path
        let run = try Self.whatIf(
            ["--config", config, "--gpu", "NVIDIA-H100-80GB-HBM3", "--max-model-len", "16000", "--block-size", "128"])
        #expect(run.code == 0, "\(run.stderr)")
        let json = try #require(run.json)
        for field in [
            "weightsGiB", "activationGiB", "nonTorchGiB", "kvBytesPerToken", "kvCacheGiB", "kvBlocks", "maxConcurrency",
            "maxModelLenThatFits",
            "fits",
        ] {
            #expect(json[field] != nil, "missing \(field)")
        }
        #expect(json["weightsGiB"]?.doubleValue == 14.99)
        #expect(json["kvBytesPerToken"]?.integerValue == 131_072)
        #expect(json["fits"] == .bool(true))
        // vLLM logged 51.38 GiB for this start-up (llm-d, v0.11).
        #expect(abs((json["kvCacheGiB"]?.doubleValue ?? 0) - 51.38) < 0.5)
    }

    /// Qwen3-32B at 32000 tokens did not start on an H100 (llm-d); the estimate says so and names
    /// the longest context that would.
    @Test func whatIfFindsTheLongestContext() throws {
        let config = Self.configs.appendingPathComponent("Qwen--Qwen3-32B.json").path
        let run = try Self.whatIf(["--config", config, "--gpu-memory", "79.18Gi", "--max-model-len", "32000"])
        let json = try #require(run.json)
        #expect(json["fits"] == .bool(false))
        let longest = try #require(json["maxModelLenThatFits"]?.integerValue)
        #expect(longest > 16000 && longest < 32000)
        let atLongest = try Self.whatIf(["--config", config, "--gpu-memory", "79.18Gi", "--max-model-len", "\(longest)"])
        #expect(atLongest.json?["fits"] == .bool(true))
        let beyond = try Self.whatIf(["--config", config, "--gpu-memory", "79.18Gi", "--max-model-len", "\(longest + 1)"])
        #expect(beyond.json?["fits"] == .bool(false))
    }

    @Test func whatIfFlagsChangeTheEstimate() throws {
        let config = Self.configs.appendingPathComponent("meta-llama--Llama-3.1-8B.json").path
        let base = ["--config", config, "--gpu", "l4", "--max-model-len", "8192", "--gpu-memory-utilization", "0.8"]
        let bf16 = try #require(try Self.whatIf(base).json)
        let fp8KV = try #require(try Self.whatIf(base + ["--kv-cache-dtype", "fp8"]).json)
        let awq = try #require(try Self.whatIf(base + ["--quantization", "awq"]).json)
        let tp2 = try #require(try Self.whatIf(base + ["--tensor-parallel", "2"]).json)
        #expect(fp8KV["kvBytesPerToken"]?.integerValue == 65_536)
        #expect((awq["weightsGiB"]?.doubleValue ?? 99) < 5.5)
        #expect((tp2["weightsGiB"]?.doubleValue ?? 99) < (bf16["weightsGiB"]?.doubleValue ?? 0) / 1.9)
        let old = try #require(try Self.whatIf(base + ["--engine-version", "0.6.4"]).json)
        #expect(old["activationGiB"] != bf16["activationGiB"])
    }

    @Test(arguments: [
        (["--config", "x.json"], "needs one of --gpu or --gpu-memory"),
        (["--gpu", "l4"], "need --config"),
        (
            ["--config", "x.json", "--gpu", "l4", "--quantization", "int3"],
            "vLLM 0.11.0 has no --quantization 'int3'; its methods: auto-round, awq,"
        ),
        (["--config", "x.json", "--gpu", "l4", "--quantization", "aqlm"], "vLLM 0.11.0 has no --quantization 'aqlm'"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) throws {
        let result = try platc(["fit"] + arguments)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// The language's vocabulary, per --engine-version; none is the checkpoint's own; a method
    /// vLLM has but platc cannot size is an error that names the ones it can.
    @Test func quantizationIsVLLMsMethodOfTheVersionAsked() throws {
        let config = Self.configs.appendingPathComponent("meta-llama--Llama-3.1-8B.json").path
        let base = ["--config", config, "--gpu", "l4", "--max-model-len", "8192"]
        let none = try #require(try Self.whatIf(base + ["--quantization", "none"]).json)
        #expect(none == (try Self.whatIf(base).json), "none is no override")
        let aqlm = try Self.whatIf(base + ["--quantization", "aqlm", "--engine-version", "0.10.0"])
        #expect(aqlm.json?["weightsGiB"] != nil, "aqlm exists in 0.10.0")
        let marlin = try #require(try Self.whatIf(base + ["--quantization", "awq_marlin"]).json)
        #expect(marlin["weightsGiB"] == (try Self.whatIf(base + ["--quantization", "awq"]).json)?["weightsGiB"])
        let gguf = try platc(["fit"] + base + ["--quantization", "gguf"])
        #expect(gguf.exitCode == 1)
        #expect(
            gguf.stderr.contains("platc cannot size weights quantized with 'gguf'; it sizes aqlm, auto_awq, auto_gptq, awq,"),
            "\(gguf.stderr)")
    }

    /// Issue 26's families, from their published config.json files: each is sized (TP large
    /// enough to hold the weights on an H100), and reports its parameters and vision share.
    @Test(arguments: [
        ("google--gemma-3-1b-it.json", "1", Int64(999_885_952)),
        ("google--gemma-3-4b-it.json", "1", 4_300_079_472),
        ("google--gemma-3-27b-it.json", "1", 27_432_406_640),
        ("meta-llama--Llama-4-Scout-17B-16E-Instruct.json", "4", 108_641_793_536),
        ("RedHatAI--Llama-4-Scout-17B-16E-Instruct-FP8-dynamic.json", "2", 108_641_793_536),
        ("Qwen--Qwen3-Next-80B-A3B-Thinking.json", "4", 79_674_391_296),
        ("zai-org--GLM-4.5-Air.transformers-repr.json", "4", 106_852_251_264),
        ("mistralai--Mistral-Small-3.1-24B-Instruct-2503.json", "1", 24_011_361_280),
    ])
    func whatIfSizesTheCurrentFamilies(_ file: String, _ tp: String, _ parameters: Int64) throws {
        let config = Self.configs.appendingPathComponent(file).path
        let run = try Self.whatIf(["--config", config, "--gpu", "H100", "--max-model-len", "8192", "--tensor-parallel", tp])
        #expect(run.code == 0, "\(file): \(run.stderr)")
        let json = try #require(run.json)
        #expect(json["parameters"]?.integerValue == parameters, "\(file)")
        #expect(json["fits"] == .bool(true), "\(file)")
        #expect(json["defaults"]?.arrayValue != nil, "\(file)")
    }

    /// Gemma 3 4B's config.json leaves its heads and vocabulary to Gemma3TextConfig: the breakdown
    /// says which values it took from there, and the vision tower and encoder cache it counted.
    @Test func whatIfNamesTheValuesTakenFromDefaults() throws {
        let config = Self.configs.appendingPathComponent("google--gemma-3-4b-it.json").path
        let result = try platc(["fit", "--config", config, "--gpu", "l4", "--max-model-len", "8192", "--gpu-memory-utilization", "0.8"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Gemma3TextConfig of transformers 4.57.1: vocab_size 262208, num_attention_heads 8"))
        #expect(result.stdout.contains("incl. 0.42 B vision tower"))
        #expect(result.stdout.contains("GiB encoder cache"))
    }

    /// Text only: Llama 4 without its tower (0.87 B fewer parameters) and without an encoder cache.
    @Test func languageModelOnlyDropsWhatVLLMSkips() throws {
        let config = Self.configs.appendingPathComponent("meta-llama--Llama-4-Scout-17B-16E-Instruct.json").path
        let base = ["--config", config, "--gpu", "H200", "--max-model-len", "131072", "--tensor-parallel", "8"]
        let full = try #require(try Self.whatIf(base).json)
        let text = try #require(try Self.whatIf(base + ["--language-model-only"]).json)
        #expect(full["visionParameters"]?.integerValue == 871_932_416)
        #expect(text["visionParameters"]?.integerValue == 0)
        #expect(text["parameters"]?.integerValue == 107_769_861_120)
        #expect((full["encoderCacheGiB"]?.doubleValue ?? 0) > 0 && text["encoderCacheGiB"]?.doubleValue == 0)
    }

    /// An architecture platc cannot count names the ones it can and the flag that overrides.
    @Test func unknownArchitectureListsTheSupportedOnes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("platc-fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.json")
        try Data(
            #"{"model_type": "olmo2", "hidden_size": 2048, "num_hidden_layers": 16, "num_attention_heads": 16, "vocab_size": 100352, "max_position_embeddings": 4096}"#
                .utf8
        ).write(to: config)
        let result = try platc(["fit", "--config", config.path, "--gpu", "l4"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("pass --parameters"))
        #expect(result.stderr.contains("gemma3_text, glm4_moe"))
        #expect(result.stderr.contains("--measured-weights"))
        let counted = try platc(["fit", "--config", config.path, "--gpu", "l4", "--parameters", "1484916736"])
        #expect(counted.exitCode == 0, "\(counted.stderr)")
        // A measured size instead: split across the ranks, and no parameter count shown or guessed.
        let measured = try Self.whatIf(["--config", config.path, "--gpu", "l4", "--measured-weights", "2.78Gi", "--tensor-parallel", "2"])
        #expect(measured.code == 0, "\(measured.stderr)")
        #expect(measured.json?["weightsGiB"]?.doubleValue == 1.39)
        #expect(measured.json?["parameters"]?.integerValue == 0)
    }

    @Test func unknownGPUNamesTheTable() throws {
        let config = Self.configs.appendingPathComponent("meta-llama--Llama-3.1-8B.json").path
        let result = try platc(["fit", "--config", config, "--gpu", "MI300X"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("known: a10, a100"))
    }
}
