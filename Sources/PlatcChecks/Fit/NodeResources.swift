import PlatcFacts
import PlatcSpec

public enum NodeResources: CheckRule {
    public static let rule = Rule(
        id: "fit/node-resources",
        summary:
            "The replicas that must share a node of a GPU class (GPUs per node ÷ tensor parallelism; warm floors first, then max replicas) ask for more CPU or memory than the node can allocate.",
        rationale:
            "A pod is placed only where its GPUs, CPU and memory all fit. When the GPUs put replicas on one node and their CPU or memory does not fit there, they stay Pending although GPUs are free. With `node` absent the node is the product's common machine (docs/node-sizing.md), and the finding is a warning.",
        example: """
            platform/gpu-classes/l4.yaml
            gpusPerNode: 1
            node: {cpu: "3920m", memory: 13Gi}   # a replica asks for 4 CPU
            """,
        fix:
            "Set the models' serving.resources to at most the hint's values, or declare the node's real allocatable (kubectl describe node), or move the models to a class with larger nodes."
    )

    /// Packs each class's replicas onto its nodes and reports the first node that cannot hold them.
    public static func check(_ context: inout CheckContext) {
        for pool in context.facts.pools {
            guard let node = NodeSize.of(pool.gpuClass) else { continue }
            let facts = context.facts
            let packing = NodePacking(pool) { facts.of($0)?.pod }
            guard let full = packing.overloaded(node) else { continue }
            report(pool, node, full, packing, &context)
        }
    }

    private static func report(
        _ pool: GPUPool, _ node: NodeSize, _ full: NodePacking.Node, _ packing: NodePacking, _ context: inout CheckContext
    ) {
        let groups = full.counts.map { (entry: packing.entries[$0.entry], replicas: $0.replicas) }
            .sorted { $0.entry.model.name.value < $1.entry.model.name.value }
        let has = "\(PodResources.cpuText(node.cpuMillis)) CPU and \(PodResources.memoryText(node.memoryBytes))"
        let assumed = node.assumedFrom.map { " (assumed: \($0); declare node: {cpu, memory} to use yours)" } ?? ""
        let per = "GPU class '\(pool.name)' (\(Plural.counted(pool.gpusPerNode, "GPU")) per node)"
        let asks: String
        if full.replicas == 1, let size = groups.first?.entry.size {
            asks = "a replica of '\(groups[0].entry.model.name.value)' asks for \(size.cpuText) CPU and \(size.memoryText)"
        } else {
            let shared = groups.map { group in
                "'\(group.entry.model.name.value)' × \(group.replicas) (\(group.entry.size.cpuText) CPU, \(group.entry.size.memoryText) each)"
            }
            asks =
                "\(full.replicas) replicas must share a node: \(shared.joined(separator: ", ")) ask for "
                + "\(PodResources.cpuText(full.cpuMillis)) CPU and \(PodResources.memoryText(full.memoryBytes))"
        }
        let message = "on \(per), \(asks), but a node allocates \(has)\(assumed)"
        let first = groups[0].entry.model
        let span = first.serving.resources?.span ?? first.serving.gpuClass.span
        var notes = groups.dropFirst().map {
            Diagnostic.Note("'\($0.entry.model.name.value)' runs on the same node", at: $0.entry.model.serving.gpuClass.span)
        }
        if let declared = pool.gpuClass.node { notes.append(Diagnostic.Note("the node is declared here", at: declared.span)) }
        let hint = nodeResourcesHint(packing, node)
        if node.assumedFrom == nil {
            context.diagnostics.error(Self.rule, message, at: span, notes: notes, hint: hint)
        } else {
            context.diagnostics.warning(Self.rule, message, at: span, notes: notes, hint: hint)
        }
    }

    /// A size for every model on the class larger than it, so that the fullest node still fits:
    /// the node divided by the most replicas one node holds, rounded down (100m CPU, 256Mi
    /// memory). Below what vLLM needs to start and load its weights, the hint is fewer replicas.
    static func nodeResourcesHint(_ packing: NodePacking, _ node: NodeSize) -> String {
        let perNode = max(1, packing.mostReplicasOnANode)
        let cpu = node.cpuMillis / perNode / 100 * 100
        let memory = node.memoryBytes / perNode / (256 << 20) * (256 << 20)
        let larger = packing.placedEntries.filter { $0.size.cpuMillis > cpu || $0.size.memoryBytes > memory }
            .sorted { $0.model.name.value < $1.model.name.value }
        let fitting = larger.filter { cpu >= $0.size.minimumCPUMillis && memory >= $0.size.minimumMemoryBytes }
        guard fitting.count == larger.count else {
            let cpuNeeded = ((packing.nodes.map(\.cpuMillis).max() ?? 0) + 999) / 1000
            let memoryNeeded = ((packing.nodes.map(\.memoryBytes).max() ?? 0) + PodResources.gibibyte - 1) / PodResources.gibibyte
            // The fix is in the GPU class's file, not at the caret: say so rather than propose it here.
            return Diagnostic.noSingleValue(
                "the replicas cannot shrink below what vLLM needs; give the GPU class nodes of at least \(cpuNeeded) CPU and \(memoryNeeded)Gi, or fewer max replicas on it"
            )
        }
        var fields: [String] = []
        if larger.contains(where: { $0.size.cpuMillis > cpu }) { fields.append("cpu: \(PodResources.cpuText(cpu))") }
        if larger.contains(where: { $0.size.memoryBytes > memory }) { fields.append("memory: \(PodResources.memoryText(memory))") }
        let names = larger.map { "'\($0.model.name.value)'" }.joined(separator: ", ")
        return "resources: {\(fields.joined(separator: ", "))} under serving of \(names)"
    }
}
