import PlatcChecks
import PlatcFacts
import PlatcSpec

/// What serving holds on each GPU class (capacity, the warm floor, the GPUs at max replicas) and
/// where and how wide each model runs.
enum ServingChanges {
    static func compare(_ pair: SpecPair, into list: inout ChangeList) {
        // A class added or removed is one platform item; its figures have no before or after.
        for (_, head) in pair.gpuClasses.both {
            let name = head.name.value
            guard let before = pair.baseFacts.pool(named: name), let after = pair.headFacts.pool(named: name) else { continue }
            let of = " of \(after.capacity)"
            list.compare(
                .serving, name, "capacity", "GPUs of class \(name)", String(before.capacity), String(after.capacity),
                unit: SummaryFormat.gpuUnit(before.capacity, after.capacity),
                note: " (\(Plural.counted(after.gpuClass.nodes.value, "node")) × \(after.gpusPerNode) per node)")
            list.compare(
                .serving, name, "warm floor", "Serving warm floor on \(name) (min replicas × TP)", String(before.warmFloor),
                String(after.warmFloor), unit: SummaryFormat.gpuUnit(before.warmFloor, after.warmFloor), note: of)
            list.compare(
                .serving, name, "max GPUs", "Serving GPUs on \(name) at max replicas", String(before.peak), String(after.peak),
                unit: SummaryFormat.gpuUnit(before.peak, after.peak), note: of)
        }
        for (base, head) in pair.models.both {
            let name = head.name.value, old = base.serving, new = head.serving
            list.compare(.serving, name, "GPU class", "GPU class of model \(name)", old.gpuClass.value, new.gpuClass.value)
            list.compare(
                .serving, name, "tensor parallel", "Tensor parallelism of model \(name)", String(old.tensorParallel.value),
                String(new.tensorParallel.value),
                unit: SummaryFormat.gpuUnit(old.tensorParallel.value, new.tensorParallel.value) + " per replica")
            list.compare(
                .serving, name, "min replicas", "Min replicas of model \(name)", String(old.replicas.min.value),
                String(new.replicas.min.value))
            list.compare(
                .serving, name, "max replicas", "Max replicas of model \(name)", String(old.replicas.max.value),
                String(new.replicas.max.value))
            list.compare(
                .serving, name, "replicas", "Replica mode of model \(name)", base.replicaPlan.mode.rawValue, head.replicaPlan.mode.rawValue)
            list.compare(.serving, name, "rollout", "Rollout of model \(name)", old.rollout.value.rawValue, new.rollout.value.rawValue)
            // What vLLM is started with beyond the sizes: none is "none".
            list.compare(.serving, name, "quantization", "Quantization of model \(name)", old.quantization?.value, new.quantization?.value)
            list.compare(
                .serving, name, "tool-call parser", "Tool-call parser of model \(name)", old.toolCallParser?.value,
                new.toolCallParser?.value)
            list.compare(
                .serving, name, "reasoning parser", "Reasoning parser of model \(name)", old.reasoningParser?.value,
                new.reasoningParser?.value)
            list.compare(
                .serving, name, "extra args", "Extra vLLM arguments of model \(name)", words(old.extraArgs), words(new.extraArgs))
            let env = variables(old.env, new.env)
            list.compare(.serving, name, "env", "Extra variables of model \(name)", env.before, env.after)
            list.compare(
                .serving, name, "pod size", "CPU and memory per replica of model \(name)",
                podSize(pair.baseFacts.of(base)),
                podSize(pair.headFacts.of(head)))
        }
    }

    /// "--enable-prefix-caching --swap-space 8", or nil when there are none.
    static func words(_ arguments: [Located<String>]) -> String? {
        arguments.isEmpty ? nil : arguments.map(\.value).joined(separator: " ")
    }

    /// "VLLM_LOGGING_LEVEL=***, HF_TOKEN (Secret hf-token)", nil when there are none. Values never
    /// print (a value may be a secret written by mistake); one that differs between the sides
    /// shows as `*** (before)` and `*** (after)`, as the masked file diff shows secrets.
    static func variables(
        _ old: [Model.Serving.EnvVariable], _ new: [Model.Serving.EnvVariable]
    ) -> (before: String?, after: String?) {
        let oldValues = Dictionary(old.map { ($0.name.value, $0.value?.value) }, uniquingKeysWith: { first, _ in first })
        let newValues = Dictionary(new.map { ($0.name.value, $0.value?.value) }, uniquingKeysWith: { first, _ in first })
        func text(_ env: [Model.Serving.EnvVariable], other: [String: String?], side: String) -> String? {
            env.isEmpty
                ? nil
                : env.map { variable in
                    let name = variable.name.value
                    if let ref = variable.secretKeyRef { return "\(name) (Secret \(ref.name.value))" }
                    let changed = other[name].map { $0 != variable.value?.value } ?? false
                    return "\(name)=***" + (changed ? " (\(side))" : "")
                }.joined(separator: ", ")
        }
        return (text(old, other: newValues, side: "before"), text(new, other: oldValues, side: "after"))
    }

    /// "3 CPU, 11Gi": the replica's size as the Deployment requests it; unknown without a fit
    /// (the size counts the weights being loaded).
    static func podSize(_ facts: ModelFacts?) -> String {
        guard let facts, facts.fit != nil else { return "unknown" }
        return "\(facts.pod.cpuText) CPU, \(facts.pod.memoryText)"
    }
}
