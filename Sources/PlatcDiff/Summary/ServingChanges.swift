import PlatcChecks
import PlatcSpec

/// What serving holds on each GPU class (capacity, the warm floor, the GPUs at max replicas) and
/// where and how wide each model runs.
enum ServingChanges {
    static func compare(_ pair: SpecPair, into list: inout ChangeList) {
        // A class added or removed is one platform item; its figures have no before or after.
        for (_, head) in pair.gpuClasses.both {
            let name = head.name.value
            guard let before = pair.basePools[name], let after = pair.headPools[name] else { continue }
            let of = " of \(after.capacity)"
            list.compare(
                .serving, name, "capacity", "GPUs of class \(name)", String(before.capacity), String(after.capacity),
                unit: SummaryFormat.gpuUnit(before.capacity, after.capacity),
                note: " (\(SummaryFormat.count(after.gpuClass.nodes.value, "node")) × \(after.gpusPerNode) per node)")
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
            list.compare(
                .serving, name, "pod size", "CPU and memory per replica of model \(name)",
                podSize(base, pair.basePools[old.gpuClass.value]),
                podSize(head, pair.headPools[new.gpuClass.value]))
        }
    }

    /// "3 CPU, 11Gi": the replica's size as the Deployment requests it; unknown without a fit
    /// (the size counts the weights being loaded).
    static func podSize(_ model: Model, _ pool: GPUPool?) -> String {
        guard let fit = pool.flatMap({ try? ModelFit(model: model, gpuClass: $0.gpuClass) }) else { return "unknown" }
        let size = PodResources.of(model, fit: fit)
        return "\(size.cpuText) CPU, \(size.memoryText)"
    }
}
