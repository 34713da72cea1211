import PlatcFacts
import PlatcSpec

/// `<model>-epp` must be a Service name of its own. Reported at the model's name.
public enum EndpointPickerName: CheckRule {
    public static let rule = Rule(
        id: "routing/endpoint-picker-name",
        summary:
            "In inference-gateway mode, each model's endpoint picker is named `<model>-epp`: that name must fit a Service name (63 characters) and not be another model's name.",
        rationale:
            "The picker's Deployment, Service and PodDisruptionBudget carry that name in the serving namespace, beside the "
            + "models' own. A model named like another model's picker would share its objects; a name over 63 characters "
            + "is refused by the API server for the Service.",
        example: """
            models/chat.yaml        name: chat
            models/chat-epp.yaml    name: chat-epp
            """,
        fix:
            "Rename one of the models (its `name` and file) so that no model is named `<another model>-epp`, with names of at most 59 characters."
    )

    static let serviceNameLimit = 63

    public static func check(_ context: inout CheckContext) {
        let names = Set(context.facts.allModels.map(\.model.name.value))
        for facts in context.facts.pooledModels {
            let model = facts.model
            let picker = InferenceRouting.pickerName(of: model.name.value)
            if picker.count > serviceNameLimit {
                context.diagnostics.error(
                    Self.rule,
                    "the endpoint picker of '\(model.name.value)' would be named '\(picker)', \(picker.count) characters: a Service name has at most \(serviceNameLimit)",
                    at: model.name.span,
                    hint: "a model name of at most \(serviceNameLimit - 4) characters")
            } else if names.contains(picker), let other = context.facts.model(named: picker) {
                context.diagnostics.error(
                    Self.rule,
                    "the endpoint picker of '\(model.name.value)' would be named '\(picker)', like the model '\(picker)': their Deployments and Services would collide",
                    at: other.name.span,
                    hint: "rename model '\(picker)' (its name and its file), e.g. to '\(model.name.value)-model-epp'")
            }
        }
    }
}
