import Foundation
import PlatcTestSupport
import Testing

/// The minimal platform rendered into `parent/out`, in a folder of its own so a test can make
/// that folder read-only or a small tmpfs; and a change that rewrites every file of out/ (the
/// platform is renamed, so every header and label changes).
final class FaultFixture {
    let platform: TemporaryPlatform
    let scratch: ScratchFolder
    var parent: URL { scratch.url.appendingPathComponent("parent") }
    var out: URL { parent.appendingPathComponent("out") }
    var stage: URL { parent.appendingPathComponent(".out.platc-stage") }

    init() throws {
        platform = try TemporaryPlatform()
        scratch = try ScratchFolder()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: false)
    }

    var renderArguments: [String] { ["render", "--root", platform.root.path, "--out", out.path] }

    func render(_ extra: [String] = []) throws -> ProcessResult { try platc(renderArguments + extra) }

    /// Renders out/ and returns the parent folder exactly as it then is.
    func renderInitial() throws -> TreeSnapshot {
        let result = try render()
        try #require(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
        return try #require(try TreeSnapshot(of: parent))
    }

    func changeEverything() throws {
        let text = try String(contentsOf: platform.root.appendingPathComponent("platform/mini.yaml"), encoding: .utf8)
        try #require(text.contains("name: mini\n"))
        try platform.remove("platform/mini.yaml")
        try platform.write("platform/minix.yaml", text.replacing("name: mini\n", with: "name: minix\n"))
    }
}

/// Mounts for the fault tests, through mount(8): root with CAP_SYS_ADMIN only. Each returns
/// whether it worked, so a test can say visibly that it could not run.
enum TestMount {
    static var mayMount: Bool { getuid() == 0 }

    /// `folder` mounted onto itself, read-only or read-write (over a read-only parent mount).
    static func bind(_ folder: URL, readOnly: Bool) throws -> Bool {
        guard try mount(["--bind", folder.path, folder.path]) else { return false }
        guard try mount(["-o", "remount,bind,\(readOnly ? "ro" : "rw")", folder.path]) else {
            unmount(folder)
            return false
        }
        return true
    }

    static func tmpfs(at folder: URL, bytes: Int) throws -> Bool {
        try mount(["-t", "tmpfs", "-o", "size=\(bytes),mode=0755", "platc-test", folder.path])
    }

    static func resizeTmpfs(at folder: URL, bytes: Int) throws -> Bool {
        try mount(["-o", "remount,size=\(bytes)", folder.path])
    }

    static func unmount(_ folder: URL) {
        _ = try? runTool("umount", [folder.path])
    }

    private static func mount(_ arguments: [String]) throws -> Bool {
        let result = try runTool("mount", arguments)
        if result.exitCode != 0 { print("mount \(arguments.joined(separator: " ")): \(result.stderr)") }
        return result.exitCode == 0
    }

    /// Bytes in use on the file system holding `folder`.
    static func usedBytes(_ folder: URL) -> Int {
        var info = statvfs()
        guard statvfs(folder.path, &info) == 0 else { return 0 }
        return Int(info.f_blocks - info.f_bfree) * Int(info.f_frsize)
    }
}

/// `platc` run as a user file permissions apply to: itself when the tests do not run as root,
/// else `nobody` through setpriv(1). What it must write has to be that user's (`own`).
enum Unprivileged {
    static var available: Bool { getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") }

    static func platc(_ arguments: [String]) throws -> ProcessResult {
        guard getuid() == 0 else { return try PlatcTestSupport.platc(arguments) }
        return try run(
            URL(fileURLWithPath: "/usr/bin/setpriv"),
            ["--reuid=65534", "--regid=65534", "--clear-groups", Paths.platcBinary.path] + arguments)
    }

    static func own(_ folder: URL) throws {
        guard getuid() == 0 else { return }
        let result = try runTool("chown", ["-R", "65534:65534", folder.path])
        try #require(result.exitCode == 0, "\(result.stderr)")
    }
}
