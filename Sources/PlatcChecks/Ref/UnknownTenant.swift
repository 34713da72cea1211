import PlatcFacts
import PlatcSpec

public enum UnknownTenant: CheckRule {
    public static let rule = Rule(
        id: "ref/unknown-tenant",
        summary: "A model's `tenants` or a LoRA adapter's `tenants` names a tenant that tenants/ does not define.",
        rationale:
            "A grant to a tenant that does not exist is a typo or a leftover: the team that was meant to get access "
            + "does not get it, and a team created later under that name would inherit access nobody reviewed.",
        example: """
            models/llama.yaml
            tenants: [serch]   # tenants/ defines search
            """,
        fix: "Correct the name (the hint suggests the closest tenant) or remove the entry.")

    public static func check(_ context: inout CheckContext) {
        let defined = context.spec.tenants.map(\.name)
        for model in context.facts.offeredModels {
            for entry in model.tenants {
                let message = "model '\(model.name.value)' allows tenant '\(entry.value)', but no tenant has that name"
                report(entry, message: message, in: model.tenants, defined, &context)
            }
        }
        for model in context.spec.models {
            let who = "model '\(model.name.value)'"
            for adapter in model.lora?.adapters ?? [] {
                for entry in adapter.tenants {
                    let message =
                        "adapter '\(adapter.name.value)' of \(who) is offered to tenant '\(entry.value)', but no tenant has that name"
                    report(entry, message: message, in: adapter.tenants, defined, &context)
                }
            }
        }
    }

    private static func report(
        _ entry: Located<String>, message: String, in list: [Located<String>], _ defined: [Located<String>],
        _ context: inout CheckContext
    ) {
        guard context.tenant(named: entry.value) == nil else { return }
        let suggestion = Suggestion(
            for: entry.value, kind: "tenant", defined: defined,
            otherwise: "add tenants/\(entry.value).yaml or remove '\(entry.value)' from this list", listed: list.map(\.value))
        context.diagnostics.error(
            Self.rule, message, at: entry.span, notes: suggestion.notes, hint: suggestion.hint,
            replacement: suggestion.replacement)
    }
}
