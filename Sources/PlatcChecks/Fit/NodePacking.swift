import PlatcFacts
import PlatcSpec

/// Where a GPU class's replicas land, as the scheduler would be forced to place them: warm floors
/// first, then up to max replicas; within each, the widest replicas (most GPUs) first; each on
/// the node with the most free GPUs (the default scheduler spreads, NodeResourcesFit
/// LeastAllocated), so replicas share a node only when the GPUs leave no other choice.
/// Replicas that no node's GPUs can take are left out: `quota/warm-floor` and
/// `quota/max-replicas` report those.
///
/// Nodes keep counts per model, not one entry per replica, and a model stops at the first replica
/// that finds no GPUs, so the work and memory stay bounded by the class's GPUs whatever the
/// replica counts say.
public struct NodePacking: Sendable {
    /// A model of the class with replicas, and the size of each.
    public struct Entry: Sendable {
        public let model: Model
        public let size: PodResources
    }

    public struct Node: Sendable {
        public var freeGPUs: Int64
        /// Replicas per entry (an index into `entries`), in the order they arrived.
        public var counts: [(entry: Int, replicas: Int64)] = []
        public var cpuMillis: Int64 = 0
        public var memoryBytes: Int64 = 0
        public var replicas: Int64 { counts.reduce(0) { $0 + $1.replicas } }
    }

    public let entries: [Entry]
    public private(set) var nodes: [Node]
    /// Node indices by free GPUs; `top` is the highest non-empty bucket (free GPUs only shrink).
    private var byFreeGPUs: [[Int]]
    private var top: Int

    /// `size`: each model's pod (its facts'); models without one, and parked models, have no replicas.
    public init(_ pool: GPUPool, size: (Model) -> PodResources?) {
        let count = Int(min(pool.gpuClass.nodes.value, 100_000))
        let perNode = Int(pool.gpusPerNode)
        nodes = Array(repeating: Node(freeGPUs: pool.gpusPerNode), count: count)
        byFreeGPUs = Array(repeating: [], count: perNode + 1)
        byFreeGPUs[perNode] = Array((0..<count).reversed())
        top = count > 0 ? perNode : 0
        entries = pool.serving.compactMap { serving in
            size(serving.model).map { Entry(model: serving.model, size: $0) }
        }
        let widestFirst = entries.indices.sorted { a, b in
            let x = entries[a], y = entries[b]
            return x.size.gpus != y.size.gpus ? x.size.gpus > y.size.gpus : x.model.name.value < y.model.name.value
        }
        for warm in [true, false] {
            for index in widestFirst {
                let plan = entries[index].model.replicaPlan
                let replicas = warm ? plan.floor : plan.ceiling - plan.floor
                var placed: Int64 = 0
                while placed < replicas, place(index) { placed += 1 }
            }
        }
    }

    /// Puts one replica of `entry` on the node with the most free GPUs; false when none has enough.
    private mutating func place(_ entry: Int) -> Bool {
        let gpus = Int(entries[entry].size.gpus)
        while top > 0, byFreeGPUs[top].isEmpty { top -= 1 }
        guard gpus > 0, top >= gpus, let index = byFreeGPUs[top].popLast() else { return false }
        let size = entries[entry].size
        nodes[index].freeGPUs -= Int64(gpus)
        nodes[index].cpuMillis += size.cpuMillis
        nodes[index].memoryBytes += size.memoryBytes
        if let at = nodes[index].counts.firstIndex(where: { $0.entry == entry }) {
            nodes[index].counts[at].replicas += 1
        } else {
            nodes[index].counts.append((entry, 1))
        }
        byFreeGPUs[top - gpus].append(index)
        return true
    }

    /// The first node whose replicas ask for more CPU or memory than `node` allocates.
    public func overloaded(_ node: NodeSize) -> Node? {
        nodes.first { $0.cpuMillis > node.cpuMillis || $0.memoryBytes > node.memoryBytes }
    }

    /// The most replicas any node holds.
    public var mostReplicasOnANode: Int64 { nodes.map(\.replicas).max() ?? 0 }

    /// The entries with at least one replica placed, in entry order.
    public var placedEntries: [Entry] {
        var placed = Set<Int>()
        for node in nodes { for count in node.counts { placed.insert(count.entry) } }
        return entries.indices.filter(placed.contains).map { entries[$0] }
    }
}
