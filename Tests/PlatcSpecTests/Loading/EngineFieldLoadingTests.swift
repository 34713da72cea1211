import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

/// serving.toolCallParser, reasoningParser, extraArgs and env as the loader reads them, and the
/// shape rules env needs: exactly one of value / valueFrom, distinct names, C identifiers.
@Suite struct EngineFieldLoadingTests {
    /// The minimal platform with `lines` added under tiny's `serving:` (line 19 onwards).
    static func load(_ lines: String...) throws -> LoadResult {
        var files: [String: String] = [:]
        for file in try SourceTree.reading(Paths.minimalPlatform).files { files[file.path] = String(decoding: file.bytes, as: UTF8.self) }
        files["models/tiny.yaml"] = files["models/tiny.yaml"]!.replacing(
            "  gpuMemoryUtilization: 0.8\n", with: "  gpuMemoryUtilization: 0.8\n" + lines.map { "  \($0)\n" }.joined())
        return Loader().load(SourceTree(files: files.map { SourceTree.File(path: $0.key, bytes: Array($0.value.utf8)) }))
    }

    @Test func theFieldsLoadInWrittenOrder() throws {
        let loaded = try Self.load(
            "toolCallParser: hermes", "reasoningParser: qwen3", "extraArgs: [--enable-prefix-caching, --seed, 42]", "env:",
            "  - {name: VLLM_LOGGING_LEVEL, value: DEBUG}", "  - name: HF_TOKEN",
            "    valueFrom: {secretKeyRef: {name: hf-token, key: token}}")
        let serving = try #require(loaded.spec?.models.first?.serving, "\(loaded.diagnostics)")
        #expect(serving.toolCallParser?.value == "hermes" && serving.reasoningParser?.value == "qwen3")
        #expect(serving.extraArgs.map(\.value) == ["--enable-prefix-caching", "--seed", "42"], "42 stays text")
        #expect(serving.env.map(\.name.value) == ["VLLM_LOGGING_LEVEL", "HF_TOKEN"])
        #expect(serving.env[0].value?.value == "DEBUG" && serving.env[0].secretKeyRef == nil)
        #expect(serving.env[1].value == nil && serving.env[1].secretKeyRef?.name.value == "hf-token")
        #expect(serving.env[1].secretKeyRef?.key.value == "token")
        #expect(serving.env[1].name.span.start == SourceLocation(file: "models/tiny.yaml", line: 24, column: 13))
    }

    @Test func absentFieldsAreEmptyAndStayOutOfTheDigest() throws {
        let spec = try #require(Loader().load(try SourceTree.reading(Paths.minimalPlatform)).spec)
        let serving = spec.models[0].serving
        #expect(serving.toolCallParser == nil && serving.reasoningParser == nil)
        #expect(serving.extraArgs.isEmpty && serving.env.isEmpty)
        #expect(serving.quantizationMethod == nil)
    }

    @Test func noneIsNoMethod() throws {
        let none = try #require(try Self.load("quantization: none").spec?.models.first?.serving)
        #expect(none.quantization?.value == "none" && none.quantizationMethod == nil)
        let awq = try #require(try Self.load("quantization: awq_marlin").spec?.models.first?.serving)
        #expect(awq.quantizationMethod == "awq_marlin")
    }

    @Test func anUnknownParserIsABadValue() throws {
        let loaded = try Self.load("toolCallParser: hermes2")
        #expect(loaded.diagnostics.map(\.ruleID) == ["schema/bad-value"])
        #expect(loaded.diagnostics.first?.hint == "did you mean 'hermes'?")
    }

    @Test func aVariableIsAValueOrASecretNotBothNorNeither() throws {
        let both = try Self.load("env:", "  - name: A", "    value: x", "    valueFrom: {secretKeyRef: {name: s, key: k}}")
        #expect(both.diagnostics.map(\.ruleID) == ["schema/exclusive-fields"])
        let diagnostic = try #require(both.diagnostics.first)
        #expect(diagnostic.message == "'serving.env[0]' sets both 'value' and 'valueFrom'; write one of 'value' or 'valueFrom'")
        #expect(diagnostic.span?.start == SourceLocation(file: "models/tiny.yaml", line: 22, column: 7))
        #expect(diagnostic.notes.first?.span?.start.line == 21)
        let neither = try Self.load("env: [{name: A}]")
        #expect(neither.diagnostics.map(\.ruleID) == ["schema/missing-field"])
        #expect(neither.diagnostics.first?.message == "'serving.env[0]' needs 'value' or 'valueFrom'")
        #expect(neither.diagnostics.first?.hint == "add `value: DEBUG` or `valueFrom: {secretKeyRef: {name: hf-token, key: token}}`")
    }

    @Test func namesAreDistinctCIdentifiers() throws {
        let twice = try Self.load("env: [{name: A, value: x}, {name: A, value: y}]")
        #expect(twice.diagnostics.map(\.ruleID) == ["schema/duplicate-item"])
        #expect(twice.diagnostics.first?.message == "'A' appears twice in 'serving.env'")
        #expect(twice.diagnostics.first?.span?.start.column == 37)
        for bad in ["9LIVES", "MY-VAR", "A.B", "\"\""] {
            let loaded = try Self.load("env: [{name: \(bad), value: x}]")
            #expect(
                loaded.diagnostics.map(\.ruleID).contains("schema/bad-value") || loaded.diagnostics.map(\.ruleID) == ["schema/wrong-type"],
                "\(bad): \(loaded.diagnostics)")
        }
        for good in ["_X", "vllm_logging_level", "A1"] {
            #expect(try Self.load("env: [{name: \(good), value: x}]").diagnostics.isEmpty, "\(good)")
        }
    }
}
