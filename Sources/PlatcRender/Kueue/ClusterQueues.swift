import PlatcSpec

/// One ClusterQueue per tenant, in the platform's cohort. Every field Kueue's CRD would default
/// is written out, so what Argo CD applies is what the API server stores and nothing drifts.
enum ClusterQueues {
    static func clusterQueue(for tenant: Tenant, _ context: RenderContext) -> KubeObject {
        let gpuClasses = quotaClasses(of: tenant, context)
        let spec: YAMLValue = [
            // Only the tenant's namespace may submit here; the label is set by the API server and immutable.
            "namespaceSelector": ["matchLabels": .sortedMap([("kubernetes.io/metadata.name", tenant.name.value)])],
            "cohortName": .string(KueueNames.cohort(context.platform)),
            // An old Job that does not fit must not block younger ones that do (StrictFIFO would).
            "queueingStrategy": "BestEffortFIFO",
            "resourceGroups": .list(resourceGroups(tenant, gpuClasses)),
            "preemption": [
                // Nominal quota is guaranteed: its owner takes it back from any borrower, whatever the borrower's priority.
                "reclaimWithinCohort": "Any",
                // Inside one tenant, a more urgent Job may displace a less urgent one.
                "withinClusterQueue": "LowerPriority",
                // Borrowing is best effort: a borrower never preempts other tenants' work.
                "borrowWithinCohort": ["policy": "Never"],
            ],
            // Kueue's defaults, written out: borrow in the first flavor that fits, but try the next
            // flavor before preempting.
            "flavorFungibility": ["whenCanBorrow": "MayStopSearch", "whenCanPreempt": "TryNextFlavor"],
            "stopPolicy": "None",
        ]
        let sources = [tenant.span.start.file, context.platformSource] + gpuClasses.map { $0.gpuClass.span.start.file }
        return KubeObject(
            KueueNames.apiVersion, "ClusterQueue", name: KueueNames.clusterQueue(for: tenant),
            labels: context.commonLabels + [
                (Conventions.tenantLabel, tenant.name.value), (Conventions.costCenterLabel, tenant.name.value),
            ],
            body: ["spec": spec], sources: sources)
    }

    /// The tenant's GPU quota on classes that exist, smallest GPU first (then by name): Kueue tries
    /// flavors in this order, so a Job that asks only for `nvidia.com/gpu` lands on the smallest
    /// pool with room, and a Job that needs a larger GPU says so with the class's node selector.
    static func quotaClasses(of tenant: Tenant, _ context: RenderContext) -> [(gpuClass: GPUClass, quota: Tenant.GPUQuota)] {
        tenant.gpuQuota
            .compactMap { entry in context.gpuClass(named: entry.gpuClass.value).map { (gpuClass: $0, quota: entry.quota) } }
            .sorted { a, b in
                let (x, y) = (a.gpuClass, b.gpuClass)
                return x.memory.value != y.memory.value ? x.memory.value < y.memory.value : x.name.value < y.name.value
            }
    }

    /// GPUs per GPU-class flavor; cpu and memory in the general flavor, sized like the namespace's
    /// ResourceQuota and never borrowed, so Kueue admits no Job whose pods the quota would refuse.
    static func resourceGroups(_ tenant: Tenant, _ gpuClasses: [(gpuClass: GPUClass, quota: Tenant.GPUQuota)]) -> [YAMLValue] {
        let gpuFlavors: [YAMLValue] = gpuClasses.map { entry in
            [
                "name": .string(KueueNames.flavor(for: entry.gpuClass)),
                "resources": [
                    [
                        "name": .string(KueueNames.gpuResource), "nominalQuota": .int(entry.quota.nominal.value),
                        "borrowingLimit": .int(entry.quota.borrowingLimit.value),
                    ]
                ],
            ]
        }
        let quota = tenant.namespaceQuota
        let general: YAMLValue = [
            "coveredResources": ["cpu", "memory"],
            "flavors": [
                [
                    "name": .string(KueueNames.generalFlavor),
                    "resources": [
                        ["name": "cpu", "nominalQuota": .string(quota.cpu.value.text), "borrowingLimit": 0],
                        ["name": "memory", "nominalQuota": .string(quota.memory.value.text), "borrowingLimit": 0],
                    ],
                ]
            ],
        ]
        // Kueue requires at least one flavor per group: a tenant without GPU quota gets no GPU group.
        let gpu: YAMLValue? =
            gpuFlavors.isEmpty ? nil : ["coveredResources": .list([.string(KueueNames.gpuResource)]), "flavors": .list(gpuFlavors)]
        return [gpu, general].compactMap { $0 }
    }
}
