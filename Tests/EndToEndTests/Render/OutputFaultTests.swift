import Foundation
import PlatcTestSupport
import Testing

/// `platc render` when out/ cannot be written: read-only out/ or parent, a full disk, a file size
/// limit. Each exits 2 (docs/cli.md: an I/O error) with one line naming the path and the system's
/// reason, and leaves the folder holding out/ exactly as it was: out/ byte for byte, no stage.
/// Read-only is tested twice: by a read-only bind mount (root: permissions do not stop root) and
/// by permissions (as `nobody` through setpriv when the tests run as root).
@Suite struct OutputFaultTests {
    @Test(.enabled(if: TestMount.mayMount, "a read-only bind mount needs root"))
    func readOnlyOutMount() throws {
        let fixture = try FaultFixture()
        let before = try fixture.renderInitial()
        try fixture.changeEverything()
        guard try TestMount.bind(fixture.out, readOnly: true) else { return Self.cannotMount("a read-only bind mount of out/") }
        defer { TestMount.unmount(fixture.out) }
        let result = try fixture.render()
        #expect(result.exitCode == 2)
        #expect(result.stderr == "platc: error: '\(fixture.out.path)' is not writable: Read-only file system\n")
        #expect(try TreeSnapshot(of: fixture.parent) == before)
    }

    @Test(.enabled(if: Unprivileged.available, "needs setpriv to drop root"))
    func readOnlyOutPermissions() throws {
        let fixture = try FaultFixture()
        let before = try fixture.renderInitial()
        try fixture.changeEverything()
        try Unprivileged.own(fixture.parent)
        #expect(chmod(fixture.out.path, 0o555) == 0)
        defer { chmod(fixture.out.path, 0o755) }
        let result = try Unprivileged.platc(fixture.renderArguments)
        #expect(result.exitCode == 2)
        #expect(result.stderr == "platc: error: '\(fixture.out.path)' is not writable: Permission denied\n")
        #expect(try TreeSnapshot(of: fixture.parent) == before)
    }

    /// The stage cannot be created next to out/ (out/ itself is writable: its own mount).
    @Test(.enabled(if: TestMount.mayMount, "a read-only bind mount needs root"))
    func readOnlyParentMount() throws {
        let fixture = try FaultFixture()
        let before = try fixture.renderInitial()
        try fixture.changeEverything()
        guard try TestMount.bind(fixture.parent, readOnly: true) else { return Self.cannotMount("a read-only bind mount of out/'s parent") }
        defer { TestMount.unmount(fixture.parent) }
        guard try TestMount.bind(fixture.out, readOnly: false) else { return Self.cannotMount("a writable bind mount of out/") }
        defer { TestMount.unmount(fixture.out) }
        let result = try fixture.render()
        #expect(result.exitCode == 2)
        #expect(
            result.stderr
                == "platc: error: cannot create the folder '\(fixture.stage.path)': Read-only file system; '\(fixture.out.path)' was left as it was\n"
        )
        #expect(try TreeSnapshot(of: fixture.parent) == before)
    }

    @Test(.enabled(if: Unprivileged.available, "needs setpriv to drop root"))
    func readOnlyParentPermissions() throws {
        let fixture = try FaultFixture()
        let before = try fixture.renderInitial()
        try fixture.changeEverything()
        try Unprivileged.own(fixture.parent)
        #expect(chmod(fixture.parent.path, 0o555) == 0)
        defer { chmod(fixture.parent.path, 0o755) }
        let result = try Unprivileged.platc(fixture.renderArguments)
        #expect(result.exitCode == 2)
        #expect(
            result.stderr
                == "platc: error: cannot create the folder '\(fixture.stage.path)': Permission denied; '\(fixture.out.path)' was left as it was\n"
        )
        #expect(try TreeSnapshot(of: fixture.parent) == before)
    }

    /// out/ and its parent on a tmpfs sized so the current out/ fits and the new one does not:
    /// ENOSPC in the middle of writing the stage. Where nothing can be mounted, a file size
    /// limit stands in for the full disk (EFBIG), and the test says so.
    @Test func aFullDiskLeavesOutAsItWas() throws {
        let fixture = try FaultFixture()
        if TestMount.mayMount, try TestMount.tmpfs(at: fixture.parent, bytes: 4 << 20) {
            defer { TestMount.unmount(fixture.parent) }
            let before = try fixture.renderInitial()
            // Room for a quarter of the render again: every file changes, so the stage needs all of it.
            let used = TestMount.usedBytes(fixture.parent)
            try #require(try TestMount.resizeTmpfs(at: fixture.parent, bytes: used + used / 4))
            try fixture.changeEverything()
            let result = try fixture.render()
            print("full disk: a tmpfs of \(used + used / 4) bytes, \(used) of them used by out/")
            #expect(result.exitCode == 2)
            Self.expectOneWriteError(result.stderr, fixture: fixture, reason: "No space left on device")
            #expect(try TreeSnapshot(of: fixture.parent) == before)
        } else {
            print("full disk: cannot mount a tmpfs here; simulated by a file size limit (EFBIG)")
            try Self.writeUnderAFileSizeLimit(fixture)
        }
    }

    /// A file size limit (setrlimit RLIMIT_FSIZE through prlimit(1), SIGXFSZ ignored): the write
    /// of a big file fails with EFBIG. The stand-in for a full disk where nothing can be mounted,
    /// tested everywhere.
    @Test func aFileSizeLimitLeavesOutAsItWas() throws {
        try Self.writeUnderAFileSizeLimit(try FaultFixture())
    }

    static func writeUnderAFileSizeLimit(_ fixture: FaultFixture) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit") else {
            withKnownIssue("neither a tmpfs nor prlimit(1) is available: a failing write is not tested here") {
                Issue.record("no /usr/bin/prlimit")
            }
            return
        }
        let before = try fixture.renderInitial()
        try fixture.changeEverything()
        // Half the biggest file: it (the catalog page) cannot be written, the small ones can.
        let biggest =
            try FileManager.default.attributesOfItem(atPath: fixture.out.appendingPathComponent("catalog/index.html").path)[.size] as! Int
        let limit = biggest / 2
        // sh ignores SIGXFSZ (inherited through exec), so the write fails with EFBIG instead of killing platc.
        let result = try run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "trap '' XFSZ; exec /usr/bin/prlimit --fsize=\(limit):\(limit) \"$0\" \"$@\"", Paths.platcBinary.path]
                + fixture.renderArguments)
        #expect(result.exitCode == 2)
        expectOneWriteError(result.stderr, fixture: fixture, reason: "File too large")
        #expect(try TreeSnapshot(of: fixture.parent) == before)
    }

    /// `platc: error: cannot write '<stage>/<file>': <reason>; '<out>' was left as it was`: which
    /// file fails first depends on the threads, the rest of the line does not.
    static func expectOneWriteError(_ stderr: String, fixture: FaultFixture, reason: String) {
        let prefix = "platc: error: cannot write '\(fixture.stage.path)/"
        let suffix = "': \(reason); '\(fixture.out.path)' was left as it was\n"
        #expect(stderr.hasPrefix(prefix) && stderr.hasSuffix(suffix), "\(stderr)")
        let file = stderr.dropFirst(prefix.count).dropLast(suffix.count)
        #expect(!file.isEmpty && !file.contains("'") && !file.contains("\n"), "\(stderr)")
    }

    static func cannotMount(_ what: String) {
        withKnownIssue("mount(8) refused \(what) (no CAP_SYS_ADMIN?): this case is not tested here") {
            Issue.record("cannot mount \(what)")
        }
    }
}
