import PlatcFacts
import PlatcSpec

public enum DuplicateServedName: CheckRule {
    public static let rule = Rule(
        id: "ref/duplicate-served-name",
        summary: "Two models or LoRA adapters are served under the same name (vLLM `--served-model-name` or `--lora-modules` name).",
        rationale:
            "The served name is how LiteLLM (`hosted_vllm/<served name>`), vLLM's metrics (`model_name`) and a routing gateway "
            + "tell models apart: two deployments serving one name cannot be told apart, so requests and metrics mix.",
        example: """
            models/llama-l4.yaml and models/llama-h100.yaml
            servedName: meta-llama/Llama-3.1-8B-Instruct   # in both
            """,
        fix: "Give each model its own `servedName` and each adapter its own `name`.")

    public static func check(_ context: inout CheckContext) {
        var claims = NameClaims()
        for model in context.spec.models {
            let name = model.name.value
            claims.add(model.servedName, by: "model '\(name)'", field: "servedName", format: .servedModelName, proposal: name)
            for adapter in model.lora?.adapters ?? [] {
                // vLLM serves each adapter under its --lora-modules name, next to the base model.
                claims.add(
                    adapter.name, by: "adapter '\(adapter.name.value)' of model '\(name)'", field: "name", format: .dnsLabel,
                    proposal: "\(name)-\(adapter.name.value)")
            }
        }
        for (first, again) in claims.repeats {
            let free = claims.freeName(for: again)
            context.diagnostics.error(
                Self.rule,
                "\(again.claimant) is served as '\(again.name)', like \(first.claimant): "
                    + "LiteLLM, the metrics and a routing gateway cannot tell them apart",
                at: again.span, notes: [.init("\(first.claimant) is served as '\(first.name)' here", at: first.span)],
                hint: "give it a `\(again.field)` of its own" + (free.map { ", e.g. '\($0)'" } ?? ""),
                replacement: free)
        }
    }
}
