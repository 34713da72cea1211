import PlatcSpec
import Testing

@testable import PlatcDiff

/// What vLLM is started with, in the platform summary: parsers, quantization, extra arguments and
/// variables (never a variable's value).
@Suite struct EngineChangesTests {
    @Test func parsersArgumentsAndVariablesAreServingChanges() throws {
        let base = try SummaryPlatform()
        var head = base
        head.edit(
            "models/tiny.yaml", "gpuClass: a10\n",
            "gpuClass: a10\n  toolCallParser: hermes\n  extraArgs: [--enable-prefix-caching]\n"
                + "  env:\n    - {name: VLLM_LOGGING_LEVEL, value: DEBUG}\n    - name: HF_TOKEN\n      valueFrom: {secretKeyRef: {name: hf-token, key: token}}\n"
        )
        let changes = try SummaryPlatform.summary(base, head).changes.filter { $0.subject == "tiny" }
        #expect(
            changes == [
                .change(
                    .serving, "tiny", "env", nil, "VLLM_LOGGING_LEVEL=***, HF_TOKEN (Secret hf-token)",
                    "Extra variables of model tiny: none → VLLM_LOGGING_LEVEL=***, HF_TOKEN (Secret hf-token)"),
                .change(
                    .serving, "tiny", "extra args", nil, "--enable-prefix-caching",
                    "Extra vLLM arguments of model tiny: none → --enable-prefix-caching"),
                .change(.serving, "tiny", "tool-call parser", nil, "hermes", "Tool-call parser of model tiny: none → hermes"),
            ])
    }

    @Test func aChangedValueIsMarkedNotPrinted() throws {
        var base = try SummaryPlatform()
        base.edit("models/tiny.yaml", "gpuClass: a10\n", "gpuClass: a10\n  env: [{name: VLLM_LOGGING_LEVEL, value: INFO}]\n")
        var head = base
        head.edit("models/tiny.yaml", "value: INFO", "value: DEBUG")
        let env = try #require(try SummaryPlatform.summary(base, head).changes.first { $0.field == "env" })
        #expect(env.text == "Extra variables of model tiny: VLLM_LOGGING_LEVEL=*** (before) → VLLM_LOGGING_LEVEL=*** (after)")
        #expect(!env.text.contains("INFO") && !env.text.contains("DEBUG"))
    }
}
