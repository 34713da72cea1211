import Foundation

/// A temporary folder for building repositories with the git CLI. git runs without the machine's
/// global and system configuration, so nothing local leaks in. Tests remove it with
/// `defer { sandbox.remove() }`: explicit, because Swift may end a value's life at its last use,
/// and a repository opened from the folder still reads it later.
final class GitSandbox {
    /// The folder, with symbolic links resolved (libgit2 reports resolved paths).
    let root: URL

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("platc-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.resolvingSymlinksInPath()
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// The absolute path of `relative` inside the sandbox.
    func path(_ relative: String = "") -> String {
        relative.isEmpty ? root.path : root.appendingPathComponent(relative).path
    }

    /// Runs git in `folder` (relative to the sandbox) and returns its trimmed standard output.
    @discardableResult
    func git(_ arguments: String..., in folder: String = "") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main", "-c", "protocol.file.allow=always"]
            + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: path(folder))
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(command: "git " + arguments.joined(separator: " "), output: String(decoding: errData, as: UTF8.self))
        }
        return String(decoding: outData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes a file (creating its folders) inside the sandbox.
    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Stages everything in the repository at `folder` and commits it; returns the new commit's id.
    @discardableResult
    func commitAll(_ message: String, in folder: String = "repo") throws -> String {
        try git("add", "-A", in: folder)
        try git("commit", "-q", "-m", message, in: folder)
        return try git("rev-parse", "HEAD", in: folder)
    }

    struct Failed: Error, CustomStringConvertible {
        var command: String
        var output: String
        var description: String { "'\(command)' failed: \(output)" }
    }
}
