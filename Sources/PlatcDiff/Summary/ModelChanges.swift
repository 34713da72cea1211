import PlatcChecks
import PlatcFacts
import PlatcSpec

/// Models added and removed, and the names tenants call them by (aliases, LoRA adapters) that
/// appear, disappear or move to another model.
enum ModelChanges {
    static func compare(_ pair: SpecPair, into list: inout ChangeList) {
        for model in pair.models.added { added(model, pair.headFacts, into: &list) }
        for model in pair.models.removed {
            let placement = SummaryFormat.placement(model)
            list.append(
                .models, model.name.value, "removed", before: placement, after: nil,
                text: "Model \(model.name.value) removed (was \(perReplica(model)); names \(names(of: model, pair.baseFacts)))")
        }
        callableNames(pair, into: &list)
    }

    /// A model new to the platform, with where it runs and the names it answers to.
    static func added(_ model: Model, _ facts: Facts, into list: inout ChangeList) {
        let placement = SummaryFormat.placement(model)
        list.append(
            .models, model.name.value, "added", before: nil, after: placement,
            text: "Model \(model.name.value) added (\(perReplica(model)); names \(names(of: model, facts)))")
    }

    /// Names of models on both sides, or moving from or to one: a model added or removed whole
    /// already lists its names.
    private static func callableNames(_ pair: SpecPair, into list: inout ChangeList) {
        let kept = Set(pair.models.both.map(\.head.name.value) + pair.hostedModels.both.map(\.head.name.value))
        let before = targets(pair.baseFacts), after = targets(pair.headFacts)
        for name in Set(before.keys).union(after.keys).sorted() {
            let old = before[name], new = after[name]
            let onAKeptModel = [old, new].contains { $0.map { kept.contains($0.model) } ?? false }
            guard old != new, onAKeptModel else { continue }
            switch (old, new) {
            case (nil, let new?):
                list.append(.models, name, "name added", before: nil, after: new.text, text: "Name \(name) added: calls \(new.text)")
            case (let old?, nil):
                list.append(.models, name, "name removed", before: old.text, after: nil, text: "Name \(name) removed: called \(old.text)")
            case (let old?, let new?):
                list.append(
                    .models, name, "name moved", before: old.text, after: new.text,
                    text: "Name \(name) now calls \(new.text) (was \(old.text))")
            case (nil, nil): break
            }
        }
    }

    /// What a callable name reaches: a model, or a LoRA adapter on it.
    private struct Target: Equatable {
        let model: String
        let adapter: String?
        var text: String { adapter.map { "\(model) (LoRA \($0))" } ?? model }
    }

    private static func targets(_ facts: Facts) -> [String: Target] {
        var targets: [String: Target] = [:]
        for model in facts.allModels {
            // Tenants do not matter for what a name reaches; ref/* reports a name used twice.
            for callable in model.callableNames where targets[callable.name] == nil {
                targets[callable.name] = Target(model: model.model.name.value, adapter: callable.adapter)
            }
        }
        for model in facts.hostedModels {
            for callable in model.callableNames where targets[callable.name] == nil {
                targets[callable.name] = Target(model: model.model.name.value, adapter: nil)
            }
        }
        return targets
    }

    /// "2 a10 GPUs per replica".
    private static func perReplica(_ model: Model) -> String {
        let gpus = model.serving.tensorParallel.value
        return "\(gpus) \(model.serving.gpuClass.value)\(SummaryFormat.gpuUnit(nil, gpus)) per replica"
    }

    private static func names(of model: Model, _ facts: Facts) -> String {
        (facts.of(model)?.callableNames ?? []).map(\.name).joined(separator: ", ")
    }
}
