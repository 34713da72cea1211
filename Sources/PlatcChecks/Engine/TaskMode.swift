import PlatcFacts
import PlatcSpec

public enum TaskMode: CheckRule {
    public static let rule = Rule(
        id: "engine/task-mode",
        summary:
            "A model's `mode` (how LiteLLM calls it) disagrees with `serving.task` (what vLLM serves): embedding with "
            + "task generate, or chat or completion with task embed.",
        rationale:
            "vLLM's generate runner mounts no /v1/embeddings, and its pooling runner mounts no /v1/chat/completions or "
            + "/v1/completions (docs/research/vllm-pooling-notes.md). LiteLLM would send every call to an endpoint that "
            + "answers 404, the warm-up probe would never pass, and the pod would never be ready.",
        example: """
            models/bge.yaml
            mode: embedding
            serving: {engine: …, gpuClass: l4}   # no task: embed
            """,
        fix: "Set `serving.task: embed` for an embedding model (its `mode` then defaults to embedding), or fix `mode`.")

    public static func check(_ context: inout CheckContext) {
        for model in context.spec.models {
            let task = model.serving.task, mode = model.mode
            switch (task.value, mode.value) {
            case (.generate, .embedding):
                context.diagnostics.error(
                    Self.rule,
                    "model '\(model.name.value)' is called for embeddings (mode: embedding), but vLLM serves it for generation "
                        + "(serving.task: \(task.value.rawValue)), which answers /v1/embeddings with 404",
                    at: task.span, notes: [.init("mode is set here", at: mode.span)], hint: "task: embed")
            case (.embed, .chat), (.embed, .completion):
                context.diagnostics.error(
                    Self.rule,
                    "model '\(model.name.value)' is called for \(mode.value.rawValue) (mode: \(mode.value.rawValue)), but vLLM "
                        + "serves it for embeddings (serving.task: embed), which mounts no chat or completions endpoint",
                    at: mode.span, notes: [.init("the task is set here", at: task.span)], hint: "mode: embedding",
                    replacement: "embedding")
            default:
                continue
            }
        }
    }
}
