import PlatcFacts
import PlatcSpec

public enum ModelWithoutTenants: CheckRule {
    public static let rule = Rule(
        id: "ref/model-without-tenants",
        severity: .warning,
        summary: "A model allows no tenant and no tenant lists it: nobody can call it.",
        rationale:
            "A served model holds GPUs for its warm floor whether or not anyone calls it. A model nobody may call is "
            + "usually a forgotten grant or a model that should have been removed.",
        example: """
            models/qwen-eval.yaml
            tenants: []   # and no tenant lists qwen-eval
            """,
        fix: "List the tenants that should call the model in its `tenants` (and the model in theirs), or remove the model.")

    public static func check(_ context: inout CheckContext) {
        for model in context.facts.offeredModels where model.tenants.isEmpty {
            let name = model.name.value
            // A tenant that asks for the model already gets ref/access-not-granted, which says more.
            guard !context.spec.tenants.contains(where: { $0.models.contains { $0.value == name } }) else { continue }
            let floor = (model as? ModelFacts)?.model.serving.replicas.min.value ?? 0
            let cost = floor == 0 ? "" : ", yet it keeps \(Plural.counted(floor, "replica")) warm"
            let candidates = context.spec.tenants.prefix(1).map(\.name.value)
            let example = candidates.isEmpty ? "add a tenant under tenants/ and list it" : "e.g. tenants: [\(candidates[0])]"
            context.diagnostics.warning(
                Self.rule, "model '\(name)' allows no tenant and no tenant lists it: nobody can call it\(cost)",
                at: model.name.span,
                hint: "list the tenants that should call it (\(example)) and add '\(name)' to their models, or remove the model")
        }
    }
}
