import PlatcSpec

extension QuotaChecks {
    /// One GPU class as the quota rules see it: the GPUs it advertises and who claims them.
    ///
    /// Always-on vLLM Deployments are not Kueue workloads, so Kueue's ClusterQueues never see them,
    /// yet both land on the same nodes: the rules add serving and batch claims up here.
    /// Every count is in advertised GPUs (`nvidia.com/gpu`), the unit the scheduler, Kueue and
    /// ResourceQuota all count; with time-slicing one physical GPU advertises several.
    struct GPUPool {
        /// A model's claim: replicas × tensor parallelism (each replica takes TP GPUs).
        struct Serving {
            let model: Model
            /// Warm floor: min replicas × TP, always running.
            let floor: Int64
            /// At max replicas × TP (never below the floor).
            let peak: Int64
        }

        /// A tenant's Kueue quota on this class (its ClusterQueue's flavor).
        struct Batch {
            let tenant: Tenant
            let quota: Tenant.GPUQuota
        }

        let gpuClass: GPUClass
        private(set) var serving: [Serving] = []
        private(set) var batch: [Batch] = []

        /// Virtual GPUs per physical GPU: time-slicing's replicas, else 1.
        var slices: Int64 { gpuClass.timeSlicing?.replicas.value ?? 1 }
        /// GPUs one node advertises.
        var gpusPerNode: Int64 { gpuClass.gpusPerNode.value * slices }
        /// GPUs the whole class advertises: nodes × GPUs per node × time-slices.
        var capacity: Int64 { gpuClass.nodes.value * gpusPerNode }

        var warmFloor: Int64 { serving.reduce(0) { $0 + $1.floor } }
        var peak: Int64 { serving.reduce(0) { $0 + $1.peak } }
        var nominal: Int64 { batch.reduce(0) { $0 + $1.quota.nominal.value } }

        var name: String { gpuClass.name.value }

        /// Nodes this class would need to advertise `gpus` GPUs.
        func nodesNeeded(for gpus: Int64) -> Int64 { (gpus + gpusPerNode - 1) / gpusPerNode }

        /// "6 GPUs (3 nodes × 2 GPUs per node)", with "× 4 time-slices" when sliced.
        var capacityDescription: String {
            let sliced = slices > 1 ? " × \(slices) time-slices" : ""
            return
                "\(Text.count(capacity, "GPU")) (\(Text.count(gpuClass.nodes.value, "node")) × \(Text.count(gpuClass.gpusPerNode.value, "GPU")) per node\(sliced))"
        }

        /// "raise nodes to 4 (8 GPUs)": the capacity side of a hint.
        func raiseNodes(toFit gpus: Int64) -> String {
            let nodes = nodesNeeded(for: gpus)
            return "raise nodes to \(nodes) (\(Text.count(nodes * gpusPerNode, "GPU")))"
        }

        /// One pool per GPU class, in name order; models and quotas naming no class are skipped
        /// (`ref/*` reports them).
        static func pools(of context: CheckContext) -> [GPUPool] {
            var pools = context.spec.gpuClasses.map { GPUPool(gpuClass: $0) }
            let index = Dictionary(pools.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
            for model in context.spec.models {
                guard let at = index[model.serving.gpuClass.value] else { continue }
                let tp = model.serving.tensorParallel.value
                let replicas = model.serving.replicas
                pools[at].serving.append(
                    Serving(model: model, floor: replicas.min.value * tp, peak: max(replicas.min.value, replicas.max.value) * tp))
            }
            for tenant in context.spec.tenants {
                for (gpuClass, quota) in tenant.gpuQuota {
                    guard let at = index[gpuClass.value] else { continue }
                    pools[at].batch.append(Batch(tenant: tenant, quota: quota))
                }
            }
            return pools
        }
    }
}
