import PlatcFacts
import PlatcSpec

public enum AccessNotUsed: CheckRule {
    public static let rule = Rule(
        id: "ref/access-not-used",
        severity: .warning,
        summary: "A model allows a tenant that does not list the model in its `models`.",
        rationale:
            "Access needs both sides, so this grant has no effect: the tenant's team cannot call the model. It is a warning, "
            + "not an error, because the model's owner granting first is the normal first half of a hand-over; it should "
            + "not stay that way.",
        example: """
            models/llama.yaml
            tenants: [search, support]
            # while tenants/support.yaml does not list llama in models
            """,
        fix: "Add the model to the tenant's `models`, or remove the tenant from the model's `tenants`.")

    public static func check(_ context: inout CheckContext) {
        for model in context.facts.offeredModels {
            let name = model.name.value
            for entry in model.tenants {
                // An unknown tenant is ref/unknown-tenant's finding.
                guard let tenant = context.tenant(named: entry.value), !tenant.models.contains(where: { $0.value == name }) else {
                    continue
                }
                let listed = tenant.models.map(\.value)
                let note: Diagnostic.Note =
                    if let first = tenant.models.first {
                        .init("tenant '\(entry.value)' lists its models here", at: first.span)
                    } else {
                        .init("tenant '\(entry.value)' is defined here, without models", at: tenant.name.span)
                    }
                context.diagnostics.warning(
                    Self.rule,
                    "model '\(name)' allows tenant '\(entry.value)', but the tenant does not list the model, so the grant has no effect",
                    at: entry.span, notes: [note],
                    hint:
                        "remove '\(entry.value)' from this list, or add '\(name)' to the models of tenant '\(entry.value)' "
                        + "(models: [\((listed + [name]).joined(separator: ", "))])")
            }
        }
    }
}
