import PlatcFacts
import PlatcSpec

public enum AdapterTenantNotAllowed: CheckRule {
    public static let rule = Rule(
        id: "ref/adapter-tenant-not-allowed",
        summary: "A LoRA adapter is offered to a tenant that its base model's `tenants` does not list.",
        rationale:
            "An adapter runs inside its base model's deployment: its requests take the base model's GPUs, batch slots and "
            + "rate limits. The base model's `tenants` is the one list its owner reviews, so it must cover every adapter's tenants.",
        example: """
            models/llama.yaml
            tenants: [search]
            lora:
              adapters:
                - name: support-lora
                  tenants: [support]   # not in the model's tenants
            """,
        fix: "Add the tenant to the base model's `tenants`, or remove it from the adapter's `tenants`.")

    public static func check(_ context: inout CheckContext) {
        for model in context.spec.models {
            let granted = model.tenants.map(\.value)
            for adapter in model.lora?.adapters ?? [] {
                // An unknown tenant is ref/unknown-tenant's finding.
                for entry in adapter.tenants where context.tenant(named: entry.value) != nil && !granted.contains(entry.value) {
                    let allowed = granted.isEmpty ? "it allows no tenant" : "it allows only \(Suggestion.list(granted))"
                    context.diagnostics.error(
                        Self.rule,
                        "adapter '\(adapter.name.value)' is offered to tenant '\(entry.value)', but its base model "
                            + "'\(model.name.value)' does not allow that tenant: \(allowed)",
                        at: entry.span, notes: [AccessNotGranted.grantNote(model)],
                        hint:
                            "remove '\(entry.value)' from the adapter's tenants, or add it to the model's tenants "
                            + "(tenants: [\((granted + [entry.value]).joined(separator: ", "))])")
                }
            }
        }
    }
}
