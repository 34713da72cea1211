import PlatcFacts
import PlatcSpec

public enum QuantizationUnsupported: CheckRule {
    public static let rule = Rule(
        id: "engine/quantization-unsupported",
        summary:
            "The model's quantization method — serving.quantization, or else its config.json's quant_method — is not one of the methods of the vLLM release serving.engine.version pins.",
        rationale:
            "vLLM refuses an unknown --quantization before it loads anything (argparse: invalid choice), and a checkpoint whose quant_method it no longer has stops at start-up: the pod crash-loops. The methods change between releases (0.10.1 removed aqlm, 0.10.2 marlin, 0.28 bitsandbytes; mxfp4 arrived in 0.10.1).",
        example: """
            models/llama.yaml
            serving:
              engine: {image: …, version: "0.11.0"}
              quantization: aqlm
            """,
        fix:
            "Write a method the pinned release has (the hint lists them), or pin a release that has the method (with an image of that release)."
    )

    public static func check(_ context: inout CheckContext) {
        for model in context.spec.models { check(model, into: &context.diagnostics) }
    }

    private static func check(_ model: Model, into diagnostics: inout DiagnosticCollector) {
        let serving = model.serving
        let version = serving.engineVersion
        if let written = serving.quantization, serving.quantizationMethod != nil {
            EngineRefusal.refuse(written, "quantization method", .quantization, version, Self.rule, &diagnostics)
        } else if let declared = WeightFormat.declaredMethod(of: model),
            let term = EngineVocabulary.quantization.term(declared), !term.exists(in: version)
        {
            diagnostics.error(
                Self.rule,
                "config.json of '\(model.name.value)' declares quant_method '\(declared)', which vLLM \(version) (serving.engine.version) does not have: \(term.absence(at: version)); the server would not start",
                at: model.source.config.span,
                hint: Diagnostic.noSingleValue(
                    "pin a vLLM release that has '\(declared)' (\(term.releases)), or serve a checkpoint in a method \(version) has"))
        }
    }
}
