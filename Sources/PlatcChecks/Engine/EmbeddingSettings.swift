import PlatcFacts
import PlatcSpec

public enum EmbeddingSettings: CheckRule {
    public static let rule = Rule(
        id: "engine/embedding-settings",
        summary: "An embedding model (`serving.task: embed`) sets a tool-call or reasoning parser, which only chat uses.",
        rationale:
            "vLLM's pooling runner mounts no /v1/chat/completions, so the parser is never used; yet platc would advertise "
            + "function calling or reasoning for the model in LiteLLM, and clients would try it "
            + "(docs/research/vllm-pooling-notes.md).",
        example: """
            models/embed.yaml
            serving: {task: embed, toolCallParser: hermes, …}
            """,
        fix: "Remove the parser from the embedding model.")

    public static func check(_ context: inout CheckContext) {
        for model in context.spec.models where model.serving.task.value == .embed {
            for (field, parser) in [("toolCallParser", model.serving.toolCallParser), ("reasoningParser", model.serving.reasoningParser)] {
                guard let parser else { continue }
                context.diagnostics.error(
                    Self.rule,
                    "model '\(model.name.value)' serves embeddings (serving.task: embed), so its \(field) '\(parser.value)' is "
                        + "never used: vLLM's pooling runner mounts no chat endpoint",
                    at: parser.span, hint: "remove `\(field)`")
            }
        }
    }
}
