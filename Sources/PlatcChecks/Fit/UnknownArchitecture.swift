import PlatcFacts
import PlatcSpec

public enum UnknownArchitecture: CheckRule {
    public static let rule = Rule(
        id: "fit/unknown-architecture",
        summary: "platc cannot size the model from its config.json: keys are missing, or the architecture or quantization is unknown.",
        rationale:
            "Without a parameter count and the attention shape there is no memory estimate, and an unproven model is how OOMs reach production.",
        example: """
            models/configs/mamba.json
            {"model_type": "mamba", "hidden_size": 2560}
            """,
        fix:
            "Vendor the model's real config.json; for an architecture or quantization platc does not know, add source.parameters with the parameter count, or source.measuredWeights with the weights vLLM logged at tensorParallel 1."
    )

    /// The models past the tensor-parallel gate that platc cannot size (`SizedModels`): the other
    /// fit rules skip them, so each is reported once, here.
    public static func check(_ context: inout CheckContext) {
        for (model, problem) in SizedModels.unsizable(context.facts) { reportUnsizable(problem, model, &context) }
    }

    private static func reportUnsizable(_ problem: ModelFit.Problem, _ model: Model, _ context: inout CheckContext) {
        let known = ModelArchitecture.supportedModelTypes.joined(separator: ", ")
        switch problem {
        case .unreadableConfig(let unreadable):
            context.diagnostics.error(
                Self.rule,
                "config.json of '\(model.name.value)' (\(unreadable.architecture)) \(unreadable.problem): platc cannot estimate its GPU memory",
                at: model.source.config.span,
                hint: Diagnostic.noSingleValue("vendor the model's complete config.json from its Hugging Face repository"))
        case .unknownArchitecture(let name):
            context.diagnostics.error(
                Self.rule, "platc cannot count the parameters of architecture '\(name)' of '\(model.name.value)'",
                at: model.source.config.span,
                hint: Diagnostic.noSingleValue(
                    "add source.parameters: <count> (the checkpoint's parameter count, e.g. model.safetensors.index.json's metadata.total_size ÷ 2 for bf16), or source.measuredWeights: <GiB vLLM logged as \"Model loading took\" at tensorParallel 1>; platc counts the model_types \(known)"
                ))
        case .unknownQuantization(let name):
            let sizable = WeightFormat.sizableMethods.joined(separator: ", ")
            if let written = model.serving.quantization, model.serving.quantizationMethod == name {
                context.diagnostics.error(
                    Self.rule, "platc cannot size weights quantized with '\(name)' ('\(model.name.value)')", at: written.span,
                    hint: Diagnostic.noSingleValue(
                        "serve a checkpoint in a method platc sizes (\(sizable)), or set source.measuredWeights to the GiB vLLM logged as \"Model loading took\" at tensorParallel 1"
                    ))
            } else {
                context.diagnostics.error(
                    Self.rule,
                    "config.json of '\(model.name.value)' declares quant_method '\(name)', which platc cannot size",
                    at: model.source.config.span,
                    hint: Diagnostic.noSingleValue(
                        "set serving.quantization to one of \(sizable) if the checkpoint is stored that way, or source.measuredWeights to the GiB vLLM logged as \"Model loading took\" at tensorParallel 1"
                    ))
            }
        case .unknownGPU:
            break  // fit/unknown-gpu reports it once per GPU class.
        }
    }
}
