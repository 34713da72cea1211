import PlatcSpec

/// Where a GPU class's replicas land, as the scheduler would be forced to place them: warm floors
/// first, then up to max replicas; within each, the widest replicas (most GPUs) first; each on
/// the node with the most free GPUs (the default scheduler spreads, NodeResourcesFit
/// LeastAllocated), so replicas share a node only when the GPUs leave no other choice.
/// Replicas that no node's GPUs can take are left out: `quota/warm-floor` and
/// `quota/max-replicas` report those.
public struct NodePacking: Sendable {
    public struct Replica: Sendable {
        public let model: Model
        public let size: PodResources
        public let warm: Bool
    }

    public struct Node: Sendable {
        public var freeGPUs: Int64
        public var replicas: [Replica] = []
        public var cpuMillis: Int64 { replicas.reduce(0) { $0 + $1.size.cpuMillis } }
        public var memoryBytes: Int64 { replicas.reduce(0) { $0 + $1.size.memoryBytes } }
    }

    public private(set) var nodes: [Node]
    /// Node indices by free GPUs, so placing a replica costs O(GPUs per node), not O(nodes).
    private var byFreeGPUs: [[Int]]

    /// `sizes` by model name; parked models have no replicas.
    public init(_ pool: GPUPool, sizes: [String: PodResources]) {
        let count = Int(min(pool.gpuClass.nodes.value, 100_000))
        nodes = Array(repeating: Node(freeGPUs: pool.gpusPerNode), count: count)
        byFreeGPUs = Array(repeating: [], count: Int(pool.gpusPerNode) + 1)
        byFreeGPUs[Int(pool.gpusPerNode)] = Array((0..<count).reversed())
        var warm: [Replica] = []
        var extra: [Replica] = []
        for serving in pool.serving {
            guard let size = sizes[serving.model.name.value] else { continue }
            let plan = serving.model.replicaPlan
            warm += Array(repeating: Replica(model: serving.model, size: size, warm: true), count: Int(min(plan.floor, 10_000)))
            extra += Array(
                repeating: Replica(model: serving.model, size: size, warm: false), count: Int(min(plan.ceiling - plan.floor, 10_000)))
        }
        let widestFirst: (Replica, Replica) -> Bool = {
            $0.size.gpus != $1.size.gpus ? $0.size.gpus > $1.size.gpus : $0.model.name.value < $1.model.name.value
        }
        for replica in warm.sorted(by: widestFirst) + extra.sorted(by: widestFirst) { place(replica) }
    }

    private mutating func place(_ replica: Replica) {
        let gpus = Int(replica.size.gpus)
        guard gpus < byFreeGPUs.count,
            let free = (gpus..<byFreeGPUs.count).reversed().first(where: { !byFreeGPUs[$0].isEmpty }),
            let index = byFreeGPUs[free].popLast()
        else { return }
        nodes[index].freeGPUs -= Int64(gpus)
        nodes[index].replicas.append(replica)
        byFreeGPUs[free - gpus].append(index)
    }

    /// The first node whose replicas ask for more CPU or memory than `node` allocates.
    public func overloaded(_ node: NodeSize) -> Node? {
        nodes.first { $0.cpuMillis > node.cpuMillis || $0.memoryBytes > node.memoryBytes }
    }

    /// The most replicas any node holds.
    public var mostReplicasOnANode: Int64 { Int64(nodes.map(\.replicas.count).max() ?? 0) }
}
