import PlatcFacts
import PlatcSpec

public enum AccessNotGranted: CheckRule {
    public static let rule = Rule(
        id: "ref/access-not-granted",
        summary: "A tenant lists a model whose `tenants` does not list that tenant.",
        rationale:
            "Access needs both sides: the tenant asks for the model and the model's owner grants it. A tenant cannot "
            + "grant itself a model (its GPU time, its rate limits, its data terms) by editing its own file.",
        example: """
            tenants/search.yaml
            models: [llama-3-3-70b]
            # while models/llama-3-3-70b.yaml has tenants: [research]
            """,
        fix: "Have the model's owner add the tenant to the model's `tenants`, or remove the model from the tenant's `models`.")

    public static func check(_ context: inout CheckContext) {
        for tenant in context.spec.tenants {
            let name = tenant.name.value
            for entry in tenant.models {
                // An unknown model is ref/unknown-model's finding.
                guard let model = context.offeredModel(named: entry.value), !model.tenants.contains(where: { $0.value == name }) else {
                    continue
                }
                let granted = model.tenants.map(\.value)
                let allowed = granted.isEmpty ? "it allows no tenant" : "it allows only \(Suggestion.list(granted))"
                context.diagnostics.error(
                    Self.rule,
                    "tenant '\(name)' lists model '\(entry.value)', but the model does not allow this tenant: \(allowed)",
                    at: entry.span, notes: [grantNote(model)],
                    hint:
                        "remove '\(entry.value)' from this list, or add '\(name)' to the tenants of model '\(entry.value)' "
                        + "(tenants: [\((granted + [name]).joined(separator: ", "))])")
            }
        }
    }

    /// Where the model's grants are, or the model itself when it grants nothing.
    static func grantNote(_ model: any OfferedModel) -> Diagnostic.Note {
        if let first = model.tenants.first { return .init("model '\(model.name.value)' lists its tenants here", at: first.span) }
        return .init("model '\(model.name.value)' is defined here, without tenants", at: model.name.span)
    }
}
