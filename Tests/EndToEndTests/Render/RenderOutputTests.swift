import Foundation
import PlatcTestSupport
import Testing

/// How `platc render` treats out/: nothing written on errors, unchanged files left alone, stale
/// files removed, the previous tree intact on failure, and `--check` as a CI gate.
@Suite struct RenderOutputTests {
    let platform: TemporaryPlatform
    var out: URL { platform.root.appendingPathComponent("out") }

    init() throws { platform = try TemporaryPlatform() }

    func render(_ extra: [String] = []) throws -> ProcessResult { try platc(["render", "--root", platform.root.path] + extra) }

    func inode(_ relative: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(relative).path)
        return try #require(attributes[.systemFileNumber] as? UInt64)
    }

    func firstFile() throws -> String { try #require(TreeCompare.files(under: out).keys.sorted().first { $0.hasPrefix("manifests/") }) }

    @Test func aSecondRenderWritesNothing() throws {
        #expect(try render().exitCode == 0)
        let file = try firstFile()
        let before = try inode(file)
        let again = try render()
        #expect(again.exitCode == 0)
        #expect(again.stderr.contains("0 added, 0 changed, 0 removed"), "\(again.stderr)")
        #expect(try inode(file) == before, "an unchanged file was rewritten")
    }

    @Test func aChangeRewritesOnlyWhatChanged() throws {
        #expect(try render().exitCode == 0)
        let files = try TreeCompare.files(under: out)
        let inodes = try Dictionary(uniqueKeysWithValues: files.keys.map { ($0, try inode($0)) })
        let tenant = try String(contentsOf: platform.root.appendingPathComponent("tenants/team.yaml"), encoding: .utf8)
        try platform.write("tenants/team.yaml", tenant.replacing("ssoGroups: [team]", with: "ssoGroups: [team, ops]"))
        let result = try render()
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
        let after = try TreeCompare.files(under: out)
        let changed = after.keys.filter { after[$0] != files[$0] }
        #expect(!changed.isEmpty)
        for path in after.keys.sorted() where !changed.contains(path) {
            #expect(try inode(path) == inodes[path], "\(path) was rewritten though its bytes did not change")
        }
    }

    @Test func staleAndEditedFilesAreRepairedAndCheckSeesThem() throws {
        #expect(try render().exitCode == 0)
        #expect(try render(["--check"]).exitCode == 0)
        let file = try firstFile()
        try platform.write("out/\(file)", "edited by hand\n")
        try platform.write("out/manifests/extra.yaml", "kind: Stale\n")
        try platform.remove("out/\(try TreeCompare.files(under: out).keys.sorted().last!)")
        let check = try render(["--check"])
        #expect(check.exitCode == 1)
        #expect(check.stdout.contains("stale or edited: \(out.path)/\(file)\n"), "\(check.stdout)")
        #expect(check.stdout.contains("not rendered by platc: \(out.path)/manifests/extra.yaml\n"))
        #expect(check.stdout.contains("missing: \(out.path)/"))
        #expect(check.stderr.contains("run `platc render --root \(platform.root.path)`"), "\(check.stderr)")
        let repaired = try render()
        #expect(repaired.exitCode == 0)
        #expect(repaired.stderr.contains("1 added, 1 changed, 1 removed"), "\(repaired.stderr)")
        #expect(try render(["--check"]).exitCode == 0)
    }

    @Test func sourcesWithErrorsWriteNothing() throws {
        #expect(try render().exitCode == 0)
        let before = try TreeCompare.files(under: out)
        try platform.write("tenants/team.yaml", "kind: Tenant\nname: team\nbudget: lots\n")
        let result = try render()
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("error:"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(try TreeCompare.files(under: out) == before)
        #expect(try render(["--check"]).exitCode == 3, "the gate tells source errors (3) from a stale out/ (1)")
    }

    @Test func aFirstRenderWithErrorsCreatesNoOut() throws {
        try platform.write("tenants/team.yaml", "kind: Tenant\n")
        #expect(try render().exitCode == 1)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func outThatIsAFileIsAnIOError() throws {
        try platform.write("out", "not a folder\n")
        let result = try render()
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("is not a directory"), "\(result.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8) == "not a folder\n")
    }

    @Test func aLeftoverStageFromAKilledRenderIsCleanedUp() throws {
        #expect(try render().exitCode == 0)
        let before = try TreeCompare.files(under: out)
        try platform.write(".out.platc-stage/manifests/half.yaml", "half-written")
        try platform.write(
            "tenants/team.yaml",
            try String(contentsOf: platform.root.appendingPathComponent("tenants/team.yaml"), encoding: .utf8).replacing(
                "ssoGroups: [team]", with: "ssoGroups: [team, ops]"))
        #expect(try render().exitCode == 0)
        #expect(!FileManager.default.fileExists(atPath: platform.root.appendingPathComponent(".out.platc-stage").path))
        #expect(try TreeCompare.files(under: out).keys.sorted() == before.keys.sorted())
    }

    @Test func aFolderPlatcDidNotWriteIsNeverReplaced() throws {
        try platform.write("out/notes.txt", "mine\n")
        let result = try render()
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("was not written by platc"), "\(result.stderr)")
        #expect(try TreeCompare.files(under: out) == ["notes.txt": Data("mine\n".utf8)])

        let sources = try TreeCompare.files(under: platform.root)
        let intoRoot = try platc(["render", "--root", platform.root.path, "--out", platform.root.path])
        #expect(intoRoot.exitCode == 2, "a mistyped --out must not replace the platform root")
        #expect(try TreeCompare.files(under: platform.root) == sources)
    }

    @Test func anEmptyFolderIsRenderedInto() throws {
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        #expect(try render().exitCode == 0)
        #expect(try TreeCompare.files(under: out)["README.md"] != nil)
    }

    @Test func anExplicitOutFolderLeavesTheRootAlone() throws {
        let scratch = try ScratchFolder()
        let target = scratch.url.appendingPathComponent("deploy/out")
        let result = try platc(["render", "--root", platform.root.path, "--out", target.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try !TreeCompare.files(under: target).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("deploy").path) == ["out"])
    }
}
