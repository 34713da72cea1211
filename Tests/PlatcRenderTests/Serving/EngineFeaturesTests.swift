import PlatcChecks
import PlatcSpec
import Testing

@testable import PlatcFacts
@testable import PlatcRender

/// Tool calling, reasoning, quantization, the model's extra arguments and environment in the vLLM
/// Deployment, and the lists engine/reserved-flag and engine/reserved-variable check against.
@Suite struct EngineFeaturesTests {
    @Test func toolCallingRendersBothFlagsAndReasoningItsParser() throws {
        let fixture = try ServingFixture()
        try fixture.serving("toolCallParser: hermes", "reasoningParser: qwen3")
        let args = try fixture.object("Deployment").args
        #expect(Array(args.suffix(5)) == ["--enable-auto-tool-choice", "--tool-call-parser", "hermes", "--reasoning-parser", "qwen3"])
        #expect(!args.contains("--enable-reasoning"), "0.10 removed the flag")
    }

    @Test func vLLMBefore09NeedsEnableReasoning() throws {
        let fixture = try ServingFixture()
        try fixture.edit("models/tiny.yaml") { $0.replacingOccurrences(of: "version: \"0.11.0\"", with: "version: \"0.8.5\"") }
        try fixture.serving("reasoningParser: deepseek_r1")
        #expect(Array(try fixture.object("Deployment").args.suffix(3)) == ["--enable-reasoning", "--reasoning-parser", "deepseek_r1"])
    }

    /// Text only sets every image limit to 0 for a multimodal checkpoint; a text-only checkpoint
    /// gets no flag (vLLM has no multimodal limits to set there).
    @Test func languageModelOnlyLimitsImagesOfAMultimodalCheckpoint() throws {
        let text = try ServingFixture()
        try text.serving("languageModelOnly: true")
        #expect(!(try text.object("Deployment").args.contains("--limit-mm-per-prompt")))
        let multimodal = try ServingFixture()
        try multimodal.serving("languageModelOnly: true")
        try multimodal.edit("models/tiny.json") {
            #"{"model_type": "gemma3", "text_config": "# + $0 + #", "vision_config": {"hidden_size": 1152}}"#
        }
        #expect(try multimodal.object("Deployment").argument("--limit-mm-per-prompt") == #"{"image": 0}"#)
    }

    @Test func noneRendersNoQuantizationFlag() throws {
        let none = try ServingFixture()
        try none.serving("quantization: none")
        #expect(!(try none.object("Deployment").args.contains("--quantization")))
        let marlin = try ServingFixture()
        try marlin.serving("quantization: awq_marlin")
        #expect(try marlin.object("Deployment").argument("--quantization") == "awq_marlin")
    }

    /// The model's arguments come after platc's, and before the two keys of a rotation.
    @Test func extraArgsComeLastBeforeTheRotationsKeys() throws {
        let fixture = try ServingFixture()
        try fixture.serving("extraArgs: [--enable-prefix-caching, --chat-template, /vllm-workspace/examples/tool.jinja]")
        #expect(
            Array(try fixture.object("Deployment").args.suffix(3)) == [
                "--enable-prefix-caching", "--chat-template", "/vllm-workspace/examples/tool.jinja",
            ])
        try fixture.platformFile { $0 + "serving:\n  apiKeyRef: {name: key-dec}\n  previousApiKeyRef: {name: key-nov}\n" }
        #expect(
            Array(try fixture.object("Deployment").args.suffix(6)) == [
                "--enable-prefix-caching", "--chat-template", "/vllm-workspace/examples/tool.jinja", "--api-key", "$(VLLM_API_KEY)",
                "$(VLLM_PREVIOUS_API_KEY)",
            ])
    }

    @Test func theModelsEnvironmentFollowsPlatcsBySecretReference() throws {
        let fixture = try ServingFixture()
        let plain = try fixture.object("Deployment")
        #expect(plain.annotations.first { $0.0 == "checkov.io/skip1" }?.1.contains("serving.env") == false)
        try fixture.serving(
            "env:", "  - {name: VLLM_LOGGING_LEVEL, value: DEBUG}",
            "  - {name: HF_TOKEN, valueFrom: {secretKeyRef: {name: hf-token, key: token}}}")
        let deployment = try fixture.object("Deployment")
        let env = deployment.vllm?.at("env")?.listValue ?? []
        #expect(env.suffix(2).map { $0.at("name")?.stringValue } == ["VLLM_LOGGING_LEVEL", "HF_TOKEN"])
        #expect(env.suffix(2).first?.at("value")?.stringValue == "DEBUG")
        #expect(env.last?.at("valueFrom.secretKeyRef")?.stringPairs == ["name": "hf-token", "key": "token"])
        #expect(env.last?.at("value") == nil)
        #expect(
            env.dropLast(2).map { $0.at("name")?.stringValue }
                == (plain.vllm?.at("env")?.listValue ?? []).map { $0.at("name")?.stringValue })
        // checkov's "prefer secrets as files" stays skipped, with the model's Secrets in the reason.
        let skip = try #require(deployment.annotations.first { $0.0 == "checkov.io/skip1" }?.1)
        #expect(skip.hasPrefix("CKV_K8S_35=") && skip.contains("serving.env passes the model's own Secrets"))
    }

    @Test func theModelsSecretsArePrerequisites() throws {
        let fixture = try ServingFixture()
        try fixture.serving("env: [{name: HF_TOKEN, valueFrom: {secretKeyRef: {name: hf-token, key: token}}}]")
        let spec = try fixture.context().spec
        let text = OutputPrerequisites.markdown(Facts(spec))
        #expect(
            text.contains(
                "| Secret `hf-token`, key `token` | `llm-serving` | env `HF_TOKEN` of model `tiny` (`serving.env`); the pods do not start without it |"
            ))
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| Secret") }
        #expect(rows.count == 3 && rows[1].contains("hf-token"), "after vLLM's key, before LiteLLM's master key: \(rows)")
    }

    // MARK: - The lists the engine checks use

    /// Every flag the renderer can write is one engine/reserved-flag keeps for platc, spelled as
    /// the list spells it: with every optional field set, LoRA, and a key rotation.
    @Test func everyRenderedFlagIsReserved() throws {
        let fixture = try ServingFixture()
        try fixture.serving(
            "dtype: float16", "quantization: fp8", "kvCacheDtype: fp8", "maxNumBatchedTokens: 2048", "toolCallParser: hermes",
            "reasoningParser: qwen3")
        try fixture.model(NamesAgreeTests.lora)
        try fixture.platformFile { $0 + "serving:\n  apiKeyRef: {name: key-dec}\n  previousApiKeyRef: {name: key-nov}\n" }
        var flags = try fixture.object("Deployment").args.filter { $0.hasPrefix("--") }
        try fixture.edit("models/tiny.yaml") { $0.replacingOccurrences(of: "version: \"0.11.0\"", with: "version: \"0.8.5\"") }
        flags += try fixture.object("Deployment").args.filter { $0.hasPrefix("--") }
        #expect(flags.count > 20)
        for flag in Set(flags) { #expect(EngineFlags.reservation(of: flag)?.flag == flag, "\(flag) is rendered but not reserved") }
    }

    /// engine/reserved-variable refuses exactly the variables platc sets (a rotation sets them all).
    @Test func theReservedVariablesAreTheRenderedOnes() throws {
        let fixture = try ServingFixture()
        try fixture.platformFile { $0 + "serving:\n  apiKeyRef: {name: key-dec}\n  previousApiKeyRef: {name: key-nov}\n" }
        let names = (try fixture.object("Deployment").vllm?.at("env")?.listValue ?? []).compactMap { $0.at("name")?.stringValue }
        #expect(names.sorted() == EngineVariables.reserved.map(\.name).sorted())
    }
}
