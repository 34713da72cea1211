import PlatcFacts
import PlatcSpec

/// Number of adapters ≤ lora.maxLoras.
public enum LoRAAdapters: CheckRule {
    public static let rule = Rule(
        id: "quota/lora-adapters",
        summary: "A model lists more LoRA adapters than lora.maxLoras (vLLM --max-loras) holds at once.",
        rationale:
            "vLLM keeps at most max-loras adapters on the GPU and, by default, as many in CPU memory; a request for any other adapter evicts one and loads it from disk first, so adapter latency swings with traffic.",
        example: """
            models/llama.yaml
            lora:
              maxLoras: 1
              adapters: [{name: sql-lora, …}, {name: tone-lora, …}]
            """,
        fix: "Raise lora.maxLoras to the number of adapters (it costs GPU memory per slot), or serve fewer adapters on this model.")

    public static func check(_ context: inout CheckContext) {
        for model in context.spec.models { check(model, into: &context.diagnostics) }
    }

    private static func check(_ model: Model, into diagnostics: inout DiagnosticCollector) {
        guard let lora = model.lora, lora.adapters.count > lora.maxLoras.value else { return }
        let slots = lora.maxLoras.value, adapters = Int64(lora.adapters.count)
        var parts = Contributions()
        for (offset, adapter) in lora.adapters.enumerated().dropFirst(Int(slots)) {
            parts.add(0, "'\(adapter.name.value)' is adapter \(offset + 1) of \(adapters)", at: adapter.name.span)
        }
        diagnostics.error(
            Self.rule,
            "model '\(model.name.value)' serves \(Plural.counted(adapters, "LoRA adapter")), but lora.maxLoras holds \(slots) at once",
            at: lora.maxLoras.span, notes: parts.notes(noun: "adapter") { _ in "beyond the slots too" },
            hint: "lora.maxLoras: \(adapters), or serve at most \(Plural.counted(slots, "adapter")) on '\(model.name.value)'")
    }
}
