import PlatcSpec

/// Names the Kueue objects give each other (ClusterQueue → Cohort and flavors, LocalQueue →
/// ClusterQueue), in one place so a reference and its target cannot drift apart.
enum KueueNames {
    /// v1beta2: cohort membership is `spec.cohortName` plus a Cohort object (`spec.cohort` is gone).
    static let apiVersion = "kueue.x-k8s.io/v1beta2"

    /// The extended resource the NVIDIA device plugin advertises (time-sliced GPUs count once per slice).
    static let gpuResource = "nvidia.com/gpu"

    /// The flavor that carries cpu and memory quota: no node labels, so it never pins a pod to a
    /// pool; the GPU flavor a Job gets does that. Dotted, so it can never equal a GPU class's
    /// flavor (class names are DNS labels, without dots).
    static let generalFlavor = "cpu-memory.platc.dev"

    /// The one cohort every tenant's ClusterQueue joins, named after the platform.
    static func cohort(_ platform: Platform) -> String { platform.name.value }

    /// A tenant's ClusterQueue: cluster-scoped, named after the tenant (unique, a DNS label).
    static func clusterQueue(for tenant: Tenant) -> String { tenant.name.value }

    /// A GPU class's ResourceFlavor: the class's name, as tenants write it in `gpuQuota`.
    static func flavor(for gpuClass: GPUClass) -> String { gpuClass.name.value }
}

extension KueueNames {
    /// The WorkloadPriorityClass of a tenant priority: its value in the language (`low`, `normal`,
    /// `high`), so the label a Job carries reads like the tenant file.
    static func priorityClass(_ priority: Tenant.Priority) -> String { priority.rawValue }
}
