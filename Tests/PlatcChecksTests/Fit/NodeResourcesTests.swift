import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

@testable import PlatcChecks
@testable import PlatcFacts

/// `fit/node-resources`, the node defaults and the packing behind it.
@Suite struct NodeResourcesTests {
    /// The default platform's sources in a temporary root, to change one file of.
    static func defaultPlatform() throws -> TemporaryPlatform {
        let platform = try TemporaryPlatform()
        for folder in ["platform", "tenants", "models"] {
            try FileManager.default.removeItem(at: platform.root.appendingPathComponent(folder))
            try FileManager.default.copyItem(
                at: Paths.packageRoot.appendingPathComponent(folder), to: platform.root.appendingPathComponent(folder))
        }
        return platform
    }

    static func fit(_ root: URL) throws -> [Diagnostic] {
        let loaded = Loader().load(try SourceTree.reading(root))
        let spec = try #require(loaded.spec, "\(loaded.diagnostics)")
        var context = CheckContext(facts: Facts(spec))
        CheckPipeline.run(family: "fit", &context)
        return context.diagnostics.sorted
    }

    // MARK: - Defaults

    @Test func gkeAllocatableOfAG2Standard4() throws {
        let g2 = try #require(NodeDefaults.table.first { $0.machine == "GKE g2-standard-4" })
        // 4 cores − (60m + 10m + 2 × 5m) − 400m of DaemonSets;
        // 16 GiB − (1 GiB + 0.8 GiB + 0.8 GiB, rounded up to MiB) − 100 MiB − 1 GiB of DaemonSets.
        #expect(g2.allocatableCPUMillis == 3920 - 400)
        #expect(g2.allocatableMemoryBytes == (13621 - 1024) << 20)
    }

    @Test func gkeAllocatableOfAnA3HighGPU8g() throws {
        let a3 = try #require(NodeDefaults.table.first { $0.machine == "GKE a3-highgpu-8g" })
        // 208 cores: 80m for the first 4, 0.25% of the other 204 (510m).
        #expect(a3.allocatableCPUMillis == 208_000 - 80 - 510 - 400)
        // 1872 GiB: 2.6 GiB + 6% of 112 GiB + 2% of 1744 GiB.
        let reservedMiB = (4096 * 25 + 4096 * 20 + 8192 * 10 + 114_688 * 6 + (1_916_928 - 131_072) * 2 + 99) / 100
        #expect(a3.allocatableMemoryBytes == Int64(1_916_928 - reservedMiB - 100 - 1024) << 20)
    }

    @Test func defaultsAreChosenByProductAndGPUsPerNode() throws {
        let platform = try Self.defaultPlatform()
        let spec = try #require(Loader().load(try SourceTree.reading(platform.root)).spec)
        let l4 = try #require(spec.gpuClasses.first { $0.name.value == "l4" })
        let h100 = try #require(spec.gpuClasses.first { $0.name.value == "h100" })
        #expect(NodeSize.of(l4)?.assumedFrom == "GKE g2-standard-24", "2 L4s per node")
        #expect(NodeSize.of(h100)?.assumedFrom == "GKE a3-highgpu-8g")
        var odd = l4
        odd.gpusPerNode = Located(3, at: l4.gpusPerNode.span)
        #expect(NodeSize.of(odd) == nil, "no common machine has 3 L4s: no default, no check")
    }

    // MARK: - The rule

    @Test func theDefaultPlatformFitsItsDefaultNodes() throws {
        let platform = try Self.defaultPlatform()
        #expect(try Self.fit(platform.root).filter { $0.ruleID == "fit/node-resources" }.isEmpty)
    }

    /// The proof: the default's models on a 4-CPU, 16Gi node do not fit.
    @Test func theDefaultPlatformOnSmallNodesFails() throws {
        let platform = try Self.defaultPlatform()
        let path = "platform/gpu-classes/l4.yaml"
        let text = try String(contentsOf: platform.root.appendingPathComponent(path), encoding: .utf8)
        try platform.write(path, text + "node:\n  cpu: \"4\"\n  memory: 16Gi\n")
        let found = try Self.fit(platform.root).filter { $0.ruleID == "fit/node-resources" }
        let finding = try #require(found.first)
        #expect(found.count == 1 && finding.severity == .error)
        #expect(finding.message.contains("but a node allocates 4 CPU and 16Gi"), "\(finding.message)")
        #expect(finding.notes.last?.message == "the node is declared here")
        let hint = "resources: {cpu: 2, memory: 8Gi} under serving of 'qwen2-5-0-5b-instruct', 'qwen2-5-coder-7b-instruct-awq'"
        #expect(finding.hint == hint)
        // The hint, applied, passes: two replicas of at most 2 CPU and 8Gi fill a node exactly.
        for model in ["qwen2-5-0-5b-instruct", "qwen2-5-coder-7b-instruct-awq"] {
            let file = "models/\(model).yaml"
            let source = try String(contentsOf: platform.root.appendingPathComponent(file), encoding: .utf8)
            try platform.write(
                file, source.replacingOccurrences(of: "  gpuClass: l4\n", with: "  gpuClass: l4\n  resources: {cpu: 2, memory: 8Gi}\n"))
        }
        #expect(try Self.fit(platform.root).filter { $0.ruleID == "fit/node-resources" }.isEmpty)
    }

    @Test func anAssumedNodeOnlyWarns() throws {
        let platform = try TemporaryPlatform()
        // One L4 per node: the default is a g2-standard-4 (3520m, 12597Mi left); tiny asks for 4 CPU.
        try Self.setResources(platform, "{cpu: 4}")
        try Self.gpuClass(platform, product: "NVIDIA-L4", gpusPerNode: 1)
        let finding = try #require(try Self.fit(platform.root).first { $0.ruleID == "fit/node-resources" })
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("a replica of 'tiny' asks for 4 CPU and 7Gi, but a node allocates 3520m CPU and 12597Mi"))
        #expect(finding.message.contains("(assumed: GKE g2-standard-4; declare node: {cpu, memory} to use yours)"))
        #expect(finding.hint == "resources: {cpu: 3500m} under serving of 'tiny'")
    }

    @Test func replicasShareANodeOnlyWhenTheGPUsForceIt() throws {
        let platform = try TemporaryPlatform()
        // 2 nodes × 2 GPUs; tiny at 2 replicas spreads one per node; at 3, two share one.
        try Self.gpuClass(platform, product: "NVIDIA-A10", gpusPerNode: 2, node: "{cpu: \"5\", memory: 32Gi}")
        try Self.setReplicas(platform, "{min: 1, max: 2}")
        #expect(try Self.fit(platform.root).isEmpty)
        try Self.setReplicas(platform, "{min: 1, max: 3}")
        let finding = try #require(try Self.fit(platform.root).first)
        #expect(finding.message.contains("2 replicas must share a node: 'tiny' × 2 (3 CPU, 7Gi each) ask for 6 CPU and 14Gi"))
        #expect(finding.hint == "resources: {cpu: 2500m} under serving of 'tiny'")
        try Self.setResources(platform, "{cpu: 2500m}")
        #expect(try Self.fit(platform.root).isEmpty, "the hint, applied, passes")
    }

    @Test func parkedModelsTakeNoRoom() throws {
        let platform = try TemporaryPlatform()
        try Self.gpuClass(platform, product: "NVIDIA-A10", gpusPerNode: 1, node: "{cpu: \"1\", memory: 1Gi}")
        try Self.setReplicas(platform, "{min: 0, max: 0}")
        #expect(try Self.fit(platform.root).isEmpty)
    }

    @Test func packingPlacesWideReplicasFirst() throws {
        let platform = try TemporaryPlatform()
        try Self.gpuClass(platform, product: "NVIDIA-A10", gpusPerNode: 2)
        let spec = try #require(Loader().load(try SourceTree.reading(platform.root)).spec)
        let pool = try #require(GPUPool.pools(of: spec).first)
        let size = PodResources(cpuMillis: 1000, memoryBytes: 1 << 30, gpus: 1, minimumCPUMillis: 1000, minimumMemoryBytes: 1 << 30)
        let packing = NodePacking(pool) { $0.name.value == "tiny" ? size : nil }
        #expect(packing.nodes.map(\.replicas) == [1, 0], "one warm replica, on the first node")
        #expect(packing.mostReplicasOnANode == 1)
    }

    // MARK: - Sizes

    @Test func resourcesOverrideOnlyWhatIsWritten() throws {
        let platform = try TemporaryPlatform()
        try Self.setResources(platform, "{memory: 9Gi}")
        let spec = try #require(Loader().load(try SourceTree.reading(platform.root)).spec)
        let model = try #require(spec.models.first)
        let derived = PodResources.derived(model, fit: nil)
        let size = PodResources.of(model, fit: nil)
        #expect(size.cpuMillis == derived.cpuMillis && size.cpuText == "3")
        #expect(size.memoryBytes == 9 << 30 && size.memoryText == "9Gi")
        #expect(PodResources.cpuText(3920) == "3920m" && PodResources.memoryText(13621 << 20) == "13621Mi")
    }

    /// Replaces the minimal platform's a10 class: 2 nodes of `gpusPerNode` GPUs, `node` if given.
    static func gpuClass(_ platform: TemporaryPlatform, product: String, gpusPerNode: Int, node: String? = nil) throws {
        try platform.write(
            "platform/a10.yaml",
            "apiVersion: platc.dev/v1alpha1\nkind: GPUClass\nname: a10\nproduct: \(product)\nmemory: 24Gi\n"
                + "gpusPerNode: \(gpusPerNode)\nnodes: 2\n" + (node.map { "node: \($0)\n" } ?? ""))
    }

    static func setReplicas(_ platform: TemporaryPlatform, _ replicas: String) throws {
        try edit(platform) {
            $0.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  replicas:") }.joined(separator: "\n")
                .replacingOccurrences(of: "  gpuMemoryUtilization: 0.8\n", with: "  gpuMemoryUtilization: 0.8\n  replicas: \(replicas)\n")
        }
    }

    static func setResources(_ platform: TemporaryPlatform, _ resources: String) throws {
        try edit(platform) {
            $0.replacingOccurrences(of: "  gpuMemoryUtilization: 0.8\n", with: "  gpuMemoryUtilization: 0.8\n  resources: \(resources)\n")
        }
    }

    static func edit(_ platform: TemporaryPlatform, _ change: (String) -> String) throws {
        let url = platform.root.appendingPathComponent("models/tiny.yaml")
        try platform.write("models/tiny.yaml", change(try String(contentsOf: url, encoding: .utf8)))
    }
}
