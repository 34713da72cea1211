import PlatcFacts
import PlatcSpec

public enum ParserUnsupported: CheckRule {
    public static let rule = Rule(
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

    public static func check(_ context: inout CheckContext) {
        for model in context.spec.models { check(model, into: &context.diagnostics) }
    }

    private static func check(_ model: Model, into diagnostics: inout DiagnosticCollector) {
        let serving = model.serving
        for (parser, what, vocabulary) in [
            (serving.toolCallParser, "tool-call parser", EngineVocabulary.toolCallParsers),
            (serving.reasoningParser, "reasoning parser", EngineVocabulary.reasoningParsers),
        ] {
            guard let parser else { continue }
            EngineRefusal.refuse(parser, what, vocabulary, serving.engineVersion, Self.rule, &diagnostics)
        }
    }
}
