import PlatcSpec

/// The node a GPU class has when its `node` is not written: the smallest common machine that
/// carries `gpusPerNode` of the product, and what it leaves pods: GKE's allocatable (capacity less
/// kube-reserved and the eviction threshold) less a DaemonSet allowance (docs/node-sizing.md
/// § Defaults, docs/research/node-sizing-notes.md § 3).
public struct NodeDefaults: Sendable, Equatable {
    /// GPU family (as `GPUProduct` names it) and label memory in GB, nil when one size exists.
    public var family: String
    public var labelGB: Int?
    public var gpus: Int64
    /// The machine type the numbers come from, e.g. "GKE g2-standard-4".
    public var machine: String
    public var vCPUs: Int64
    public var memoryGiB: Int64

    /// Compute Engine and EC2 list memory in GiB (GCE's "GB" is 2^30 bytes).
    public static let table: [NodeDefaults] = [
        NodeDefaults("l4", nil, 1, "GKE g2-standard-4", 4, 16),
        NodeDefaults("l4", nil, 2, "GKE g2-standard-24", 24, 96),
        NodeDefaults("l4", nil, 4, "GKE g2-standard-48", 48, 192),
        NodeDefaults("l4", nil, 8, "GKE g2-standard-96", 96, 384),
        NodeDefaults("a10g", nil, 1, "EC2 g5.xlarge", 4, 16),
        NodeDefaults("a10g", nil, 4, "EC2 g5.12xlarge", 48, 192),
        NodeDefaults("a10g", nil, 8, "EC2 g5.48xlarge", 192, 768),
        NodeDefaults("a100", 40, 1, "GKE a2-highgpu-1g", 12, 85),
        NodeDefaults("a100", 40, 2, "GKE a2-highgpu-2g", 24, 170),
        NodeDefaults("a100", 40, 4, "GKE a2-highgpu-4g", 48, 340),
        NodeDefaults("a100", 40, 8, "GKE a2-highgpu-8g", 96, 680),
        NodeDefaults("a100", 80, 1, "GKE a2-ultragpu-1g", 12, 170),
        NodeDefaults("a100", 80, 2, "GKE a2-ultragpu-2g", 24, 340),
        NodeDefaults("a100", 80, 4, "GKE a2-ultragpu-4g", 48, 680),
        NodeDefaults("a100", 80, 8, "GKE a2-ultragpu-8g", 96, 1360),
        NodeDefaults("h100", 80, 8, "GKE a3-highgpu-8g", 208, 1872),
        NodeDefaults("t4", nil, 1, "EC2 g4dn.xlarge", 4, 16),
        NodeDefaults("l40s", nil, 1, "EC2 g6e.xlarge", 4, 32),
    ]

    init(_ family: String, _ labelGB: Int?, _ gpus: Int64, _ machine: String, _ vCPUs: Int64, _ memoryGiB: Int64) {
        self.family = family
        self.labelGB = labelGB
        self.gpus = gpus
        self.machine = machine
        self.vCPUs = vCPUs
        self.memoryGiB = memoryGiB
    }

    /// The default for a class, or nil: unknown product, or no common machine with that many GPUs.
    public static func of(_ gpuClass: GPUClass) -> NodeDefaults? {
        guard let product = GPUProduct.find(gpuClass.product.value, labelGiB: gpuClass.memory.value.gibibytes) else { return nil }
        return table.first {
            $0.family == product.family && ($0.labelGB == nil || $0.labelGB == product.labelGB) && $0.gpus == gpuClass.gpusPerNode.value
        }
    }

    /// What the node's DaemonSets (GPU device plugin, DCGM exporter, logging, CNI, metadata
    /// agents) request before any vLLM pod: assumed, 400m CPU and 1 GiB (the research found
    /// 0.3–0.5 CPU and 0.5–1 GiB on GKE GPU nodes; no upstream figure).
    public static let daemonSetCPUMillis: Int64 = 400
    public static let daemonSetMemoryBytes: Int64 = 1 << 30

    /// Capacity less GKE's kube-reserved CPU: 6% of the first core, 1% of the second, 0.5% of the
    /// next two, 0.25% of every core above four.
    public var allocatableCPUMillis: Int64 {
        let cores = vCPUs * 1000
        let reserved =
            min(cores, 1000) * 60 / 1000 + min(max(cores - 1000, 0), 1000) * 10 / 1000
            + min(max(cores - 2000, 0), 2000) * 5 / 1000 + max(cores - 4000, 0) * 25 / 10_000
        return cores - reserved - Self.daemonSetCPUMillis
    }

    /// Capacity less GKE's kube-reserved memory (25% of the first 4 GiB, 20% of the next 4, 10%
    /// of the next 8, 6% of the next 112, 2% above 128 GiB; reservations rounded up to MiB) and the
    /// 100 MiB eviction threshold, then the DaemonSet allowance.
    public var allocatableMemoryBytes: Int64 {
        let mib = memoryGiB * 1024
        let tiers: [(upTo: Int64, percent: Int64)] = [(4096, 25), (8192, 20), (16384, 10), (131_072, 6), (Int64.max, 2)]
        var reserved: Int64 = 0
        var floor: Int64 = 0
        for tier in tiers where mib > floor {
            reserved += (min(mib, tier.upTo) - floor) * tier.percent
            floor = tier.upTo
        }
        return (mib - (reserved + 99) / 100 - 100) * (1 << 20) - Self.daemonSetMemoryBytes
    }
}

/// A GPU class's node as the checks use it: written, or the product's default.
public struct NodeSize: Sendable, Equatable {
    public var cpuMillis: Int64
    public var memoryBytes: Int64
    /// The machine the numbers were assumed from; nil when the class writes `node`.
    public var assumedFrom: String?

    public static func of(_ gpuClass: GPUClass) -> NodeSize? {
        if let node = gpuClass.node {
            return NodeSize(cpuMillis: node.cpu.value.milliValue, memoryBytes: node.memory.value.milliValue / 1000, assumedFrom: nil)
        }
        return NodeDefaults.of(gpuClass).map {
            NodeSize(cpuMillis: $0.allocatableCPUMillis, memoryBytes: $0.allocatableMemoryBytes, assumedFrom: $0.machine)
        }
    }
}
