import PlatcFacts
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

extension EngineChecks {
    /// `name` as written, when the model's pinned release does not have it: which release added or
    /// removed it, the names the release has, and the releases that have this one.
    static func refuse(
        _ name: Located<String>, _ what: String, _ vocabulary: EngineVocabulary, _ version: EngineVersion, _ rule: Rule,
        _ diagnostics: inout DiagnosticCollector
    ) {
        guard let term = vocabulary.term(name.value), !term.exists(in: version) else { return }
        diagnostics.error(
            rule, "vLLM \(version) (serving.engine.version) has no \(what) '\(name.value)': \(term.absence(at: version))",
            at: name.span,
            hint:
                "use one of \(version)'s \(what)s (\(vocabulary.names(at: version).joined(separator: ", "))), or pin a vLLM release that has '\(name.value)' (\(term.releases))"
        )
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
