import PlatcFacts
import PlatcSpec

public enum QuantizationNone: CheckRule {
    public static let rule = Rule(
        id: "engine/quantization-none", severity: .warning,
        summary:
            "serving.quantization is `none`, which renders no --quantization: a quantized checkpoint still loads quantized (a warning), an unquantized one is unchanged (a note).",
        rationale:
            "No vLLM flag de-quantizes a checkpoint: without --quantization vLLM loads it as its config.json declares. platc used to render `--quantization none`, which vLLM's parser refuses (invalid choice), while the GPU-fit estimate already read `none` as the checkpoint's own method; now `none` means no flag everywhere, and a source written for the old meaning is told what it gets.",
        example: """
            models/qwen-awq.yaml    (config.json: "quant_method": "awq")
            serving:
              quantization: none
            """,
        fix: "Remove the line: vLLM loads the checkpoint as its config.json declares either way.")

    public static func check(_ context: inout CheckContext) {
        for model in context.spec.models { check(model, into: &context.diagnostics) }
    }

    private static func check(_ model: Model, into diagnostics: inout DiagnosticCollector) {
        guard let written = model.serving.quantization, written.value == Model.Serving.noQuantization else { return }
        let hint = "remove `quantization: none`"
        if let declared = WeightFormat.declaredMethod(of: model) {
            diagnostics.warning(
                Self.rule,
                "quantization: none does not load '\(model.name.value)' unquantized: platc renders no --quantization, so vLLM loads the checkpoint as its config.json declares ('\(declared)'), and platc sizes it that way",
                at: written.span, hint: hint + " (vLLM uses '\(declared)' either way)")
        } else {
            diagnostics.emit(
                Diagnostic(
                    .note, rule: Self.rule,
                    "quantization: none changes nothing for '\(model.name.value)': its checkpoint is not quantized and platc renders no --quantization (it used to render --quantization none, which vLLM refuses)",
                    at: written.span, hint: hint))
        }
    }
}
