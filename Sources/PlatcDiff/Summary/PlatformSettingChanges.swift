import PlatcChecks
import PlatcSpec

/// Platform-wide facts a reviewer must not miss: GPU classes added or removed, the Kubernetes
/// version rendered for, and whether admission policy audits or enforces.
enum PlatformSettingChanges {
    static func compare(_ pair: SpecPair, into list: inout ChangeList) {
        for gpuClass in pair.gpuClasses.added {
            let name = gpuClass.name.value, figure = description(name, pair.headPools)
            list.append(.platform, name, "added", before: nil, after: figure, text: "GPU class \(name) added (\(figure))")
        }
        for gpuClass in pair.gpuClasses.removed {
            let name = gpuClass.name.value, figure = description(name, pair.basePools)
            list.append(.platform, name, "removed", before: figure, after: nil, text: "GPU class \(name) removed (was \(figure))")
        }
        let old = pair.base.platform, new = pair.head.platform
        list.compare(
            .platform, "platform", "kubernetes version", "Kubernetes version", old.kubernetesVersion.value, new.kubernetesVersion.value)
        list.compare(
            .platform, "platform", "policy mode", "Admission policy mode", old.policy.mode.value.rawValue, new.policy.mode.value.rawValue)
    }

    /// "16 × NVIDIA-H100-80GB-HBM3": the GPUs the class advertises and what they are.
    private static func description(_ name: String, _ pools: [String: GPUPool]) -> String {
        guard let pool = pools[name] else { return "" }
        return "\(pool.capacity) × \(pool.gpuClass.product.value)"
    }
}
