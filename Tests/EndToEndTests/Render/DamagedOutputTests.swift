import Foundation
import PlatcTestSupport
import Testing

/// out/ damaged by hand or by the system: a file that became a folder, out/ as a link, a file
/// platc cannot read, a previous tree platc cannot delete, a stage left next to a current out/.
@Suite struct DamagedOutputTests {
    static let file = "manifests/tenants-000/_cluster/clusterqueue.team.yaml"

    /// out/ is platc's, so a folder where a file belongs is a difference like any other: the
    /// gate names it, and a render (whose stage is built fresh) puts the file back.
    @Test func aFileReplacedByAFolderIsReportedAndRepaired() throws {
        let fixture = try FaultFixture()
        let rendered = try fixture.renderInitial()
        try FileManager.default.removeItem(at: fixture.out.appendingPathComponent(Self.file))
        try FileManager.default.createDirectory(at: fixture.out.appendingPathComponent(Self.file), withIntermediateDirectories: false)
        try Data("kind: Stray\n".utf8).write(to: fixture.out.appendingPathComponent("\(Self.file)/inner.yaml"))

        let check = try fixture.render(["--check"])
        #expect(check.exitCode == 1)
        let shown = fixture.out.path + "/"
        #expect(check.stdout == "stale or edited: \(shown)\(Self.file)\nnot rendered by platc: \(shown)\(Self.file)/inner.yaml\n")
        #expect(
            check.stderr
                == "platc: error: \(shown) differs from a fresh render: 0 missing, 1 changed, 1 extra; run `platc render --root \(fixture.platform.root.path) --out \(fixture.out.path)`\n"
        )

        let repair = try fixture.render()
        #expect(repair.exitCode == 0, "\(repair.stderr)")
        #expect(repair.stderr.contains(": 0 added, 1 changed, 1 removed, 41 unchanged\n"), "\(repair.stderr)")
        #expect(try TreeSnapshot(of: fixture.parent) == rendered)
    }

    /// The swap would replace the link, not the folder it points to: refused, link and folder untouched.
    @Test func outThatIsALinkIsRefused() throws {
        let fixture = try FaultFixture()
        _ = try fixture.renderInitial()
        let link = fixture.parent.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "out")
        let before = try #require(try TreeSnapshot(of: fixture.parent))
        try fixture.changeEverything()
        for extra in [[], ["--check"]] {
            let result = try platc(["render", "--root", fixture.platform.root.path, "--out", link.path] + extra)
            #expect(result.exitCode == 2)
            #expect(
                result.stderr
                    == "platc: error: '\(link.path)' is a symbolic link (to 'out'); platc replaces out/ as a whole and does not write through a link: pass the folder itself with --out\n"
            )
        }
        #expect(try TreeSnapshot(of: fixture.parent) == before)
    }

    @Test(.enabled(if: Unprivileged.available, "needs setpriv to drop root"))
    func anUnreadableFileIsAnIOError() throws {
        let fixture = try FaultFixture()
        let before = try fixture.renderInitial()
        try fixture.changeEverything()
        try Unprivileged.own(fixture.parent)
        let file = fixture.out.appendingPathComponent(Self.file)
        #expect(chmod(file.path, 0) == 0)
        defer { chmod(file.path, 0o644) }
        for extra in [[], ["--check"]] {
            let result = try Unprivileged.platc(fixture.renderArguments + extra)
            #expect(result.exitCode == 2)
            #expect(result.stderr == "platc: error: cannot read '\(file.path)': Permission denied\n")
        }
        chmod(file.path, 0o644)
        #expect(try TreeSnapshot(of: fixture.parent) == before)
    }

    /// Once the swap is done out/ is the new render; a previous tree that cannot be deleted (an
    /// immutable file: even root cannot unlink it) is a warning, not a failed render, and the
    /// next render deletes it once it can.
    @Test(.enabled(if: getuid() == 0, "chattr +i needs root"))
    func aPreviousTreeThatCannotBeDeletedIsAWarning() throws {
        let fixture = try FaultFixture()
        _ = try fixture.renderInitial()
        let pinned = fixture.out.appendingPathComponent("catalog/models.md")
        guard try runTool("chattr", ["+i", pinned.path]).exitCode == 0 else {
            return withKnownIssue("chattr +i is not supported here: an undeletable previous tree is not tested") {
                Issue.record("chattr +i failed on \(pinned.path)")
            }
        }
        let leftover = fixture.stage.appendingPathComponent("catalog/models.md")
        defer { for file in [pinned, leftover] { _ = try? runTool("chattr", ["-i", file.path]) } }
        try fixture.changeEverything()
        let result = try fixture.render()
        #expect(result.exitCode == 0)
        #expect(
            result.stderr.hasPrefix(
                "platc: warning: the staging folder '\(fixture.stage.path)' is left behind (the next render removes it): cannot remove '\(leftover.path)': Operation not permitted\nplatc: rendered 42 files into \(fixture.out.path) in "
            ), "\(result.stderr)")
        let new = try #require(try TreeSnapshot(of: fixture.out))
        #expect(try runTool("chattr", ["-i", leftover.path]).exitCode == 0)
        let again = try fixture.render()
        #expect(again.exitCode == 0)
        #expect(again.stderr.contains(": 0 added, 0 changed, 0 removed, 42 unchanged\n"), "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.stage.path))
        #expect(try TreeSnapshot(of: fixture.out) == new)
    }

    /// A render killed after its swap leaves out/ current and the previous tree as the stage; the
    /// next render has nothing to write but still deletes it.
    @Test func aStageLeftNextToACurrentOutIsRemoved() throws {
        let fixture = try FaultFixture()
        let rendered = try fixture.renderInitial()
        try FileManager.default.copyItem(at: fixture.out, to: fixture.stage)
        let result = try fixture.render()
        #expect(result.exitCode == 0)
        #expect(result.stderr.contains(": 0 added, 0 changed, 0 removed, 42 unchanged\n"), "\(result.stderr)")
        #expect(try TreeSnapshot(of: fixture.parent) == rendered)
    }
}
