import PlatcSpec

/// `engine/*`: what platc tells vLLM — the words it passes must exist in the model's pinned vLLM
/// release (`EngineVocabulary`), and a model's own arguments and variables must not override or
/// undo the ones platc sets (`EngineFlags`, `EngineVariables`). A family of its own rather than
/// `fit/*`: these rules are about vLLM's command line and environment, not about memory, and
/// they hold whether or not platc can size the model. docs/render-serving.md, "Engine features".
public enum EngineChecks: Check {
    public static let rules: [Rule] = [
        .engineQuantizationUnsupported, .engineQuantizationNone, .engineParserUnsupported, .engineReservedFlag,
        .engineStrayValue, .engineReservedVariable,
    ]

    public static func run(_ context: inout CheckContext) {
        for model in context.spec.models {
            QuantizationUnsupported.check(model, into: &context.diagnostics)
            QuantizationNone.check(model, into: &context.diagnostics)
            ParserUnsupported.check(model, into: &context.diagnostics)
            ReservedFlag.check(model, into: &context.diagnostics)
            StrayValue.check(model, into: &context.diagnostics)
            ReservedVariable.check(model, into: &context.diagnostics)
        }
    }
}

extension EngineVocabulary.Term {
    /// Why the term is not in `version`: "it arrived in vLLM 0.10.1" or "vLLM 0.10.1 removed it".
    func absence(at version: EngineVersion) -> String {
        if let since, version < since { return "it arrived in vLLM \(since)" }
        return until.map { "vLLM \($0) removed it" } ?? "vLLM does not have it"
    }

    /// The pinned versions that have it: "0.10.1 or later", "before 0.10.1", "0.9.2 up to 0.15.0".
    var releases: String {
        switch (since, until) {
        case (let since?, let until?): "\(since) up to \(until)"
        case (let since?, nil): "\(since) or later"
        case (nil, let until?): "before \(until)"
        case (nil, nil): "any"
        }
    }
}
