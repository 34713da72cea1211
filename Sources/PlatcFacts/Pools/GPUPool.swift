import PlatcSpec

/// One GPU class as the quota rules see it: the GPUs it advertises and who claims them.
///
/// Always-on vLLM Deployments are not Kueue workloads, so Kueue's ClusterQueues never see them,
/// yet both land on the same nodes: the rules add serving and batch claims up here.
/// Every count is in advertised GPUs (`nvidia.com/gpu`), the unit the scheduler, Kueue and
/// ResourceQuota all count; with time-slicing one physical GPU advertises several.
public struct GPUPool: Sendable {
    /// A model's claim: replicas × tensor parallelism (each replica takes TP GPUs).
    public struct Serving: Sendable {
        public let model: Model
        /// Warm floor: min replicas × TP, always running.
        public let floor: Int64
        /// At max replicas × TP (never below the floor; 0 when parked).
        public let peak: Int64
    }

    /// A tenant's Kueue quota on this class (its ClusterQueue's flavor).
    public struct Batch: Sendable {
        public let tenant: Tenant
        public let quota: Tenant.GPUQuota
    }

    public let gpuClass: GPUClass
    public private(set) var serving: [Serving] = []
    public private(set) var batch: [Batch] = []

    /// Virtual GPUs per physical GPU: time-slicing's replicas, else 1.
    public var slices: Int64 { gpuClass.timeSlicing?.replicas.value ?? 1 }
    /// GPUs one node advertises.
    public var gpusPerNode: Int64 { gpuClass.gpusPerNode.value * slices }
    /// GPUs the whole class advertises: nodes × GPUs per node × time-slices.
    public var capacity: Int64 { gpuClass.nodes.value * gpusPerNode }

    public var warmFloor: Int64 { serving.reduce(0) { $0 + $1.floor } }
    public var peak: Int64 { serving.reduce(0) { $0 + $1.peak } }
    public var nominal: Int64 { batch.reduce(0) { $0 + $1.quota.nominal.value } }

    public var name: String { gpuClass.name.value }

    /// One more pod of `model` fits the class's GPUs while the model runs at max replicas and
    /// every other model at its warm floor: the surge a RollingUpdate needs at the busiest hour.
    public func surgeFits(_ model: Model) -> Bool {
        guard let this = serving.first(where: { $0.model.name.value == model.name.value }) else { return false }
        let tp = model.serving.tensorParallel.value
        return capacity - (warmFloor - this.floor) - this.peak >= tp
    }

    /// Nodes this class would need to advertise `gpus` GPUs.
    public func nodesNeeded(for gpus: Int64) -> Int64 { (gpus + gpusPerNode - 1) / gpusPerNode }

    /// One pool per GPU class, in name order; models and quotas naming no class are skipped
    /// (`ref/*` reports them).
    public static func pools(of spec: Spec) -> [GPUPool] {
        var pools = spec.gpuClasses.map { GPUPool(gpuClass: $0) }
        let index = Dictionary(pools.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for model in spec.models {
            guard let at = index[model.serving.gpuClass.value] else { continue }
            let tp = model.serving.tensorParallel.value
            let plan = model.replicaPlan
            pools[at].serving.append(Serving(model: model, floor: plan.floor * tp, peak: plan.ceiling * tp))
        }
        for tenant in spec.tenants {
            for (gpuClass, quota) in tenant.gpuQuota {
                guard let at = index[gpuClass.value] else { continue }
                pools[at].batch.append(Batch(tenant: tenant, quota: quota))
            }
        }
        return pools
    }
}
