import PlatcSpec

extension Rule {
    /// `engine/parser-unsupported`: The tool-call or reasoning parser is not one the model's vLLM release has.
    public static let engineParserUnsupported = Rule(
        id: "engine/parser-unsupported",
        summary:
            "serving.toolCallParser or serving.reasoningParser names a parser that the vLLM release serving.engine.version pins does not register.",
        rationale:
            "vLLM refuses an unknown parser at start-up (\"invalid tool call parser\", or argparse's invalid choice for --reasoning-parser): the pod crash-loops. Parsers arrive with releases (openai and seed_oss in 0.10.2, qwen3_xml in 0.11.0) and are renamed (glm4_moe became glm45 in 0.10.1).",
        example: """
            models/gpt-oss.yaml
            serving:
              engine: {image: …, version: "0.10.0"}
              toolCallParser: openai
            """,
        fix:
            "Use a parser the pinned release has (the hint lists them), or pin a release that has the parser (with an image of that release)."
    )
}

extension EngineChecks {
    enum ParserUnsupported {
        static func check(_ model: Model, into diagnostics: inout DiagnosticCollector) {
            let serving = model.serving
            check(serving.toolCallParser, "tool-call parser", EngineVocabulary.toolCallParsers, serving.engineVersion, &diagnostics)
            check(serving.reasoningParser, "reasoning parser", EngineVocabulary.reasoningParsers, serving.engineVersion, &diagnostics)
        }

        private static func check(
            _ parser: Located<String>?, _ what: String, _ vocabulary: EngineVocabulary, _ version: EngineVersion,
            _ diagnostics: inout DiagnosticCollector
        ) {
            guard let parser, let term = vocabulary.term(parser.value), !term.exists(in: version) else { return }
            diagnostics.error(
                .engineParserUnsupported,
                "vLLM \(version) (serving.engine.version) has no \(what) '\(parser.value)': \(term.absence(at: version))",
                at: parser.span,
                hint:
                    "use one of \(version)'s \(what)s (\(vocabulary.names(at: version).joined(separator: ", "))), or pin a vLLM release that has '\(parser.value)' (\(term.releases))"
            )
        }
    }
}
