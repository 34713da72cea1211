import Foundation

/// One scale from start to end: generate, measure every platc command, the peer at L, then
/// the diff (which needs the rendered out/ committed).
struct ScaleBench {
    var measurer: Measurer
    var platc: String
    var repo: URL
    /// This executable, to run `platc-bench generate` in its own process: loading a platform
    /// here would raise the runner's RSS, which every child's ru_maxrss inherits.
    var generator: String
    var work: URL
    /// Keep each scale's folder (--work given) instead of removing it when the scale is done.
    var keep: Bool
    /// kubectl, when the peer is measured.
    var peer: String?
    var git: String

    func measure(_ scale: Scale, into results: inout Results) throws {
        let folder = work.appendingPathComponent(scale.rawValue)
        try? FileManager.default.removeItem(at: folder)
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        let platform = folder.appendingPathComponent("platform")
        Log.say("platc-bench: \(scale): generating \(scale.tenants) tenants, \(scale.models) models, \(scale.gpuClasses) GPU classes")
        _ = try measurer.run(
            MeasuredCommand(
                name: "generate", program: generator,
                arguments: [
                    "generate", "--tenants", "\(scale.tenants)", "--models", "\(scale.models)", "--gpu-classes", "\(scale.gpuClasses)",
                    "--repo", repo.path, platform.path,
                ]))
        let sources = TreeFacts.measure(platform, folders: ["platform", "tenants", "models"])

        let commands = PlatcCommands(platc: platc, platform: platform)
        results.rows.append(try measurer.measure(commands.check, at: scale))
        results.rows.append(try measurer.measure(commands.renderEmpty, at: scale))
        results.rows.append(try commands.measureNoChange(with: measurer, at: scale))
        results.rows.append(try measurer.measure(commands.renderCheck, at: scale))
        results.inputs.append(
            .init(scale: scale, sources: sources, out: TreeFacts.measure(commands.out), objects: TreeFacts.objects(under: commands.out)))

        if let kubectl = peer, scale == .L { results.peer = try measurePeer(kubectl: kubectl, platform: platform, in: folder) }

        let diff = DiffSetup(platform: platform, git: git)
        let raised = try diff.prepare(with: measurer)
        results.rows.append(try measurer.measure(diff.command(platc: platc, raised: raised), at: scale))
    }

    private func measurePeer(kubectl: String, platform: URL, in folder: URL) throws -> Results.PeerResult {
        let tree = folder.appendingPathComponent("kustomize")
        let peer = try KustomizePeer.write(from: platform, to: tree)
        let built = folder.appendingPathComponent("kustomize-build.yaml")
        Log.say("platc-bench: L: kubectl kustomize over \(peer.tenants + peer.models) overlays")
        let row = try measurer.measure(peer.command(kubectl: kubectl, output: built), at: .L)
        let version = try measurer.run(MeasuredCommand(name: "kubectl version", program: kubectl, arguments: ["version", "--client"]))
        let kustomize = version.stdout.split(separator: "\n").first { $0.hasPrefix("Kustomize Version:") }
        return Results.PeerResult(
            row: row, objects: TreeFacts.objects(in: built), tree: TreeFacts.measure(tree),
            kustomizeVersion: kustomize.map { "kustomize " + $0.dropFirst("Kustomize Version: ".count) } ?? "kustomize")
    }
}
