import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

@testable import PlatcChecks
@testable import PlatcFacts

/// `engine/*` on the minimal platform (model `tiny`, vLLM 0.11.0, an unquantized Qwen2.5-0.5B),
/// changed in memory; a line added under `serving:` is line 19 of models/tiny.yaml.
@Suite struct EngineCheckTests {
    typealias Platform = RefCheckTests.Platform

    /// tiny with `lines` added to its serving block (two spaces in).
    static func platform(_ lines: String...) throws -> Platform {
        var platform = try Platform()
        platform.edit(
            "models/tiny.yaml", "  gpuMemoryUtilization: 0.8\n", "  gpuMemoryUtilization: 0.8\n" + lines.map { "  \($0)\n" }.joined())
        return platform
    }

    static func version(_ version: String, _ platform: inout Platform) {
        platform.files["models/tiny.yaml"] = platform.files["models/tiny.yaml"]?
            .replacing(/version: "[0-9.]+"/, with: "version: \"\(version)\"")
    }

    @Test func minimalAndDefaultPlatformsAreClean() throws {
        #expect(try Platform().check(family: "engine").isEmpty)
        let loaded = Loader().load(try SourceTree.reading(Paths.packageRoot))
        var context = CheckContext(facts: Facts(try #require(loaded.spec)), sources: loaded.sources)
        CheckPipeline.run(family: "engine", &context)
        #expect(context.diagnostics.diagnostics.isEmpty, "\(context.diagnostics.diagnostics)")
    }

    // MARK: - engine/quantization-unsupported

    @Test func aMethodTheReleaseRemovedIsRefused() throws {
        var platform = try Self.platform("quantization: aqlm")
        let found = try platform.check(family: "engine")
        #expect(found.map(\.ruleID) == ["engine/quantization-unsupported"])
        let diagnostic = try #require(found.first)
        #expect(diagnostic.span?.start == SourceLocation(file: "models/tiny.yaml", line: 19, column: 17))
        #expect(diagnostic.message == "vLLM 0.11.0 (serving.engine.version) has no quantization method 'aqlm': vLLM 0.10.1 removed it")
        #expect(
            diagnostic.hint?.hasPrefix(
                "no single value fixes this: use one of 0.11.0's quantization methods (auto-round, awq, awq_marlin, bitblas,") == true)
        #expect(diagnostic.hint?.hasSuffix("or pin a vLLM release that has 'aqlm' (before 0.10.1)") == true)
        Self.version("0.10.0", &platform)
        #expect(try platform.check(family: "engine").isEmpty, "the hint's other way: a release that has it")
    }

    @Test func aMethodOfALaterReleaseIsRefused() throws {
        var platform = try Self.platform("quantization: mxfp4")
        Self.version("0.10.0", &platform)
        #expect(try platform.check(family: "engine").first?.message.hasSuffix("'mxfp4': it arrived in vLLM 0.10.1") == true)
        Self.version("0.10.1", &platform)
        #expect(try platform.check(family: "engine").isEmpty)
    }

    @Test func theCheckpointsOwnMethodMustExistToo() throws {
        var platform = try Platform()
        platform.edit(
            "models/tiny.json", "\"vocab_size\": 151936",
            "\"vocab_size\": 151936,\n  \"quantization_config\": {\"quant_method\": \"bitsandbytes\"}")
        #expect(try platform.check(family: "engine").isEmpty, "0.11.0 has bitsandbytes")
        Self.version("0.28.0", &platform)
        let found = try platform.check(family: "engine")
        #expect(found.map(\.ruleID) == ["engine/quantization-unsupported"])
        #expect(found.first?.span?.start == SourceLocation(file: "models/tiny.yaml", line: 11, column: 11))
        #expect(
            found.first?.message
                == "config.json of 'tiny' declares quant_method 'bitsandbytes', which vLLM 0.28.0 (serving.engine.version) does not have: vLLM 0.28.0 removed it; the server would not start"
        )
        // `none` is no flag: the checkpoint's method is what vLLM loads, and it must exist.
        platform.edit("models/tiny.yaml", "  gpuMemoryUtilization: 0.8\n", "  gpuMemoryUtilization: 0.8\n  quantization: none\n")
        #expect(try platform.check(family: "engine").map(\.ruleID) == ["engine/quantization-unsupported", "engine/quantization-none"])
    }

    // MARK: - engine/quantization-none

    @Test func noneOnAQuantizedCheckpointWarnsThatItStaysQuantized() throws {
        var platform = try Self.platform("quantization: none")
        platform.edit(
            "models/tiny.json", "\"vocab_size\": 151936",
            "\"vocab_size\": 151936,\n  \"quantization_config\": {\"quant_method\": \"AWQ\", \"bits\": 4}")
        let found = try platform.check(family: "engine")
        #expect(found.map(\.ruleID) == ["engine/quantization-none"])
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.span?.start == SourceLocation(file: "models/tiny.yaml", line: 19, column: 17))
        #expect(diagnostic.message.contains("vLLM loads the checkpoint as its config.json declares ('awq')"))
        #expect(diagnostic.hint == "remove `quantization: none` (vLLM uses 'awq' either way)")
        platform.edit("models/tiny.yaml", "  quantization: none\n", "")
        #expect(try platform.check(family: "engine").isEmpty, "the hint, applied")
    }

    @Test func noneOnAnUnquantizedCheckpointIsANote() throws {
        let found = try Self.platform("quantization: none").check(family: "engine")
        #expect(found.map(\.ruleID) == ["engine/quantization-none"])
        #expect(found.first?.severity == .note)
        #expect(found.first?.message.hasPrefix("quantization: none changes nothing for 'tiny'") == true)
    }

    // MARK: - engine/parser-unsupported

    @Test func parsersMustExistInThePinnedRelease() throws {
        var platform = try Self.platform("toolCallParser: openai", "reasoningParser: qwen3")
        #expect(try platform.check(family: "engine").isEmpty)
        Self.version("0.8.5", &platform)
        let found = try platform.check(family: "engine")
        #expect(found.map(\.ruleID) == ["engine/parser-unsupported", "engine/parser-unsupported"])
        #expect(found.map(\.span?.start.line) == [19, 20])
        #expect(found.first?.message == "vLLM 0.8.5 (serving.engine.version) has no tool-call parser 'openai': it arrived in vLLM 0.10.2")
        #expect(
            found.first?.hint
                == "no single value fixes this: use one of 0.8.5's tool-call parsers (granite, granite-20b-fc, hermes, internlm, jamba, llama3_json, llama4_json, mistral, phi4_mini_json, pythonic), or pin a vLLM release that has 'openai' (0.10.2 or later)"
        )
        #expect(found.last?.message == "vLLM 0.8.5 (serving.engine.version) has no reasoning parser 'qwen3': it arrived in vLLM 0.9.0")
        Self.version("0.10.2", &platform)
        #expect(try platform.check(family: "engine").isEmpty, "the hint, applied")
    }

    @Test func aRenamedParserNamesItsRelease() throws {
        var platform = try Self.platform("toolCallParser: glm4_moe")
        Self.version("0.10.0", &platform)
        #expect(try platform.check(family: "engine").isEmpty)
        Self.version("0.10.1", &platform)
        #expect(try platform.check(family: "engine").first?.message.hasSuffix("'glm4_moe': vLLM 0.10.1 removed it") == true)
    }

    // MARK: - engine/reserved-flag

    @Test(arguments: [
        ("--max-model-len", "--max-model-len"), ("--max_model_len", "--max-model-len"), ("--max-model-len=32768", "--max-model-len"),
        ("--max-model", "--max-model-len"), ("--served-model", "--served-model-name"), ("--no-enable-lora", "--enable-lora"),
        ("--no-enable-auto-tool-choice", "--enable-auto-tool-choice"), ("-tp", "--tensor-parallel-size"),
        ("-t", "--tensor-parallel-size"), ("-tp=2", "--tensor-parallel-size"), ("-qawq", "--quantization"), ("-q", "--quantization"),
        ("--port=9000", "--port"), ("--api-key", "--api-key"), ("--api_key", "--api-key"), ("-pp", "--pipeline-parallel-size"),
        ("--kv-cache-memory-bytes", "--kv-cache-memory-bytes"), ("--enable-reasoning", "--enable-reasoning"),
    ])
    func everySpellingOfAReservedFlagIsFound(_ argument: String, _ flag: String) {
        #expect(EngineFlags.reservation(of: argument)?.flag == flag, "\(argument)")
    }

    @Test(arguments: [
        "--enable-prefix-caching", "--chat-template", "--chat-template=/x.jinja", "--compilation-config.level", "-O3", "--seed",
        "-1", "8192", "--max-num-partial-prefills", "--enable-lora-bias", "--tokenizer-mode", "--dtypes-are-not-a-flag",
    ])
    func otherFlagsAndValuesAreFree(_ argument: String) {
        #expect(EngineFlags.reservation(of: argument) == nil, "\(argument)")
    }

    @Test func aReservedFlagPointsAtItsItemAndNamesTheField() throws {
        var platform = try Self.platform("extraArgs: [--enable-prefix-caching, --max-model-len, \"32768\", --port, \"9000\"]")
        let found = try platform.check(family: "engine")
        #expect(found.map(\.ruleID) == ["engine/reserved-flag", "engine/reserved-flag"])
        #expect(found.map(\.span?.start.column) == [40, 66])
        #expect(
            found.first?.message
                == "extraArgs of 'tiny' set --max-model-len, which platc sets from serving.maxModelLen: vLLM keeps the last occurrence, so this one would override it"
        )
        #expect(found.first?.hint == "remove '--max-model-len 32768' from extraArgs and set serving.maxModelLen instead")
        #expect(
            found.last?.message
                == "extraArgs of 'tiny' set --port, which platc keeps fixed: the Service, the probes, the NetworkPolicy and LiteLLM's api_base use port 8000"
        )
        #expect(found.last?.hint == "remove '--port 9000' from extraArgs")
        platform.edit("models/tiny.yaml", ", --max-model-len, \"32768\", --port, \"9000\"]", "]")
        #expect(try platform.check(family: "engine").isEmpty, "the hints, applied")
    }

    @Test func anotherSpellingIsExplained() throws {
        let found = try Self.platform("extraArgs: [--max_model_len=32768, -qawq]").check(family: "engine")
        #expect(found.count == 2)
        #expect(found.first?.message.contains("set --max-model-len (vLLM reads '--max_model_len=32768' as --max-model-len)") == true)
        #expect(found.first?.hint == "remove '--max_model_len=32768' from extraArgs and set serving.maxModelLen instead")
        #expect(found.last?.hint == "remove '-qawq' from extraArgs and set serving.quantization instead")
    }

    // MARK: - engine/stray-value

    @Test func extraArgsStartWithAFlag() throws {
        var platform = try Self.platform("extraArgs: [enable-prefix-caching]")
        let found = try platform.check(family: "engine")
        #expect(found.map(\.ruleID) == ["engine/stray-value"])
        #expect(found.first?.span?.start == SourceLocation(file: "models/tiny.yaml", line: 19, column: 15))
        #expect(found.first?.hint == "no single value fixes this: write '--enable-prefix-caching' if it is a flag")
        platform.edit("models/tiny.yaml", "[enable-prefix-caching]", "[--enable-prefix-caching]")
        #expect(try platform.check(family: "engine").isEmpty, "the hint, applied")
        let number = try Self.platform("extraArgs: [\"8\"]").check(family: "engine")
        #expect(number.first?.hint == "no single value fixes this: put the flag it belongs to before it, or remove it")
    }

    @Test func doubleDashEndsTheOptions() throws {
        let found = try Self.platform("extraArgs: [--enable-prefix-caching, --, --seed, \"1\"]").check(family: "engine")
        #expect(found.map(\.ruleID) == ["engine/stray-value"])
        #expect(found.first?.span?.start.column == 40)
        #expect(found.first?.hint == "remove '--' from extraArgs")
    }

    // MARK: - engine/reserved-variable

    @Test func platcsVariablesAreItsOwn() throws {
        var platform = try Self.platform(
            "env:", "  - {name: VLLM_LOGGING_LEVEL, value: DEBUG}", "  - {name: HF_HUB_OFFLINE, value: \"0\"}",
            "  - {name: VLLM_API_KEY, valueFrom: {secretKeyRef: {name: mine, key: k}}}")
        let found = try platform.check(family: "engine")
        #expect(found.map(\.ruleID) == ["engine/reserved-variable", "engine/reserved-variable"])
        #expect(
            found.map(\.span?.start) == [
                SourceLocation(file: "models/tiny.yaml", line: 21, column: 14),
                SourceLocation(file: "models/tiny.yaml", line: 22, column: 14),
            ])
        #expect(
            found.first?.message
                == "serving.env of 'tiny' sets HF_HUB_OFFLINE, which platc sets itself: platc keeps vLLM offline: the weights are local and the pod has no egress"
        )
        #expect(found.first?.hint == "remove HF_HUB_OFFLINE from serving.env")
        #expect(found.last?.message.hasSuffix("it is the key vLLM requires, from the Platform's serving.apiKeyRef") == true)
        platform.edit("models/tiny.yaml", "    - {name: HF_HUB_OFFLINE, value: \"0\"}\n", "")
        platform.edit("models/tiny.yaml", "    - {name: VLLM_API_KEY, valueFrom: {secretKeyRef: {name: mine, key: k}}}\n", "")
        #expect(try platform.check(family: "engine").isEmpty, "the hints, applied")
    }

    // MARK: - policy/inline-secret on env values

    @Test func aLiteralValueOfASecretNamedVariableIsAnInlineSecret() throws {
        var platform = try Self.platform("env:", "  - name: HF_TOKEN", "    value: hunter2xyz9")
        let found = try platform.check(family: "policy")
        #expect(found.map(\.ruleID) == ["policy/inline-secret"])
        let diagnostic = try #require(found.first)
        #expect(diagnostic.span?.start == SourceLocation(file: "models/tiny.yaml", line: 21, column: 14))
        #expect(diagnostic.message == "inline secret: this looks like a literal value for 'HF_TOKEN' ('hunt…')")
        #expect(diagnostic.redactions == [try #require(diagnostic.span)])
        platform.edit("models/tiny.yaml", "    value: hunter2xyz9", "    valueFrom: {secretKeyRef: {name: hf-token, key: token}}")
        #expect(try platform.check(family: "policy").isEmpty, "the hint, applied")
        #expect(try Self.platform("env: [{name: VLLM_LOGGING_LEVEL, value: DEBUG}]").check(family: "policy").isEmpty)
    }
}
