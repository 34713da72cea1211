import PlatcFacts
import PlatcSpec

/// Hosted models added and removed, and what LiteLLM calls for each: its provider and model, the
/// endpoint, and the variable its key comes from.
enum HostedModelChanges {
    static func compare(_ pair: SpecPair, into list: inout ChangeList) {
        for model in pair.hostedModels.added { added(model, pair.headFacts, into: &list) }
        for model in pair.hostedModels.removed {
            list.append(
                .models, model.name.value, "removed", before: placement(model), after: nil,
                text: "Hosted model \(model.name.value) removed (was \(placement(model)); names \(names(of: model, pair.baseFacts)))")
        }
        for (base, head) in pair.hostedModels.both {
            let name = head.name.value
            list.compare(.models, name, "provider", "Provider of hosted model \(name)", placement(base), placement(head))
            list.compare(
                .models, name, "api base", "API base of hosted model \(name)", base.provider.apiBase?.value, head.provider.apiBase?.value)
            list.compare(
                .models, name, "key variable", "LiteLLM variable holding the key of hosted model \(name)",
                pair.baseFacts.hosted(named: name)?.keyVariable, pair.headFacts.hosted(named: name)?.keyVariable)
        }
    }

    static func added(_ model: HostedModel, _ facts: Facts, into list: inout ChangeList) {
        let key = facts.hosted(named: model.name.value)?.keyVariable ?? "?"
        list.append(
            .models, model.name.value, "added", before: nil, after: placement(model),
            text: "Hosted model \(model.name.value) added (\(placement(model)), key from env \(key); names \(names(of: model, facts)))")
    }

    /// "anthropic/claude-haiku-4-5": what LiteLLM calls.
    static func placement(_ model: HostedModel) -> String { "\(model.provider.name.value)/\(model.provider.model.value)" }

    private static func names(of model: HostedModel, _ facts: Facts) -> String {
        (facts.hosted(named: model.name.value)?.callableNames ?? []).map(\.name).joined(separator: ", ")
    }
}
