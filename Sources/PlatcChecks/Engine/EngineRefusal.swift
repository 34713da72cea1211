import PlatcFacts
import PlatcSpec

/// How the `engine/*` rules refuse a word the model's pinned vLLM release does not have.
enum EngineRefusal {
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
            hint: Diagnostic.noSingleValue(
                "use one of \(version)'s \(what)s (\(vocabulary.names(at: version).joined(separator: ", "))), or pin a vLLM release that has '\(name.value)' (\(term.releases))"
            ))
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
