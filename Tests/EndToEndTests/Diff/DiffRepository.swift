import Foundation
import PlatcTestSupport
import Testing

/// A temporary Git repository holding a copy of the embedded default platform (optionally in a
/// subfolder), rendered and committed: the starting point of every diff and gate test.
final class DiffRepository {
    let scratch: ScratchFolder
    /// The top of the repository.
    let top: URL
    /// The platform root (the top, or a folder inside it).
    let root: URL

    /// - Parameters:
    ///   - subfolder: where the platform root sits inside the repository.
    ///   - commit: whether to commit at all (false: a repository without commits).
    ///   - commitOut: whether out/ is committed with the sources (false: only the sources are
    ///     committed, and out/ is rendered but not yet committed: the first render).
    init(subfolder: String? = nil, commit: Bool = true, commitOut: Bool = true) throws {
        scratch = try ScratchFolder()
        let top = scratch.url.appendingPathComponent("repo")
        self.top = top
        root = subfolder.map { top.appendingPathComponent($0) } ?? top
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["platform", "tenants", "models"] {
            try FileManager.default.copyItem(at: Paths.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        try git("init", "-q", "-b", "main")
        if commit, !commitOut { try self.commit("Add the platform sources") }
        let render = try platc(["render", "--root", root.path])
        try #require(render.exitCode == 0, "\(render.stdout)\(render.stderr)")
        if commit, commitOut { try self.commit("Render the default platform") }
    }

    /// Runs git in the repository, isolated from the machine's configuration; fails the test on
    /// a non-zero exit unless `allowFailure`.
    @discardableResult
    func git(_ arguments: String..., in folder: URL? = nil, allowFailure: Bool = false) throws -> ProcessResult {
        try git(arguments, in: folder, allowFailure: allowFailure, extraEnvironment: [:])
    }

    /// Runs git with extra environment variables (for hooks), whatever its exit code.
    func gitWith(_ extraEnvironment: [String: String], _ arguments: String...) throws -> ProcessResult {
        try git(arguments, in: nil, allowFailure: true, extraEnvironment: extraEnvironment)
    }

    private func git(_ arguments: [String], in folder: URL?, allowFailure: Bool, extraEnvironment: [String: String]) throws -> ProcessResult
    {
        var environment = ProcessInfo.processInfo.environment.merging(extraEnvironment) { _, new in new }
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        let identity = ["-c", "user.name=platc-test", "-c", "user.email=test@platc.dev", "-c", "init.defaultBranch=main"]
        let result = try run(
            URL(fileURLWithPath: "/usr/bin/env"), ["git"] + identity + arguments, in: folder ?? top, environment: environment)
        if !allowFailure { try #require(result.exitCode == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)") }
        return result
    }

    func commit(_ message: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
    }

    /// Rewrites a file under the platform root; the test fails if `replace` changes nothing.
    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let url = root.appendingPathComponent(relative)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains(old), "\(relative) does not contain \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    func write(_ relative: String, _ text: String, under folder: URL? = nil) throws {
        let url = (folder ?? root).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove(_ relative: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(relative)) }

    func platcIn(_ arguments: [String], root folder: URL? = nil) throws -> ProcessResult {
        try platc(arguments + ["--root", (folder ?? root).path])
    }

    /// `platc diff --format json`, parsed.
    func diffJSON(_ extra: [String] = []) throws -> DiffJSON {
        let result = try platcIn(["diff", "--format", "json"] + extra)
        try #require(result.exitCode == 0, "\(result.stderr)")
        return try DiffJSON(result.stdout)
    }
}

/// The parts of the JSON report the tests assert on.
struct DiffJSON {
    struct Change: Hashable, CustomStringConvertible {
        var change: String
        var path: String
        var kind: String?
        var namespace: String?
        var name: String?
        var description: String { "\(change) \(path)" }
    }

    var object: [String: Any]
    var changes: [Change]
    var patches: [String: String]
    var platform: [String]

    init(_ text: String) throws {
        object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let items = try #require(object["changes"] as? [[String: Any]])
        changes = items.map {
            Change(
                change: $0["change"] as? String ?? "?", path: $0["path"] as? String ?? "?", kind: $0["kind"] as? String,
                namespace: $0["namespace"] as? String, name: $0["name"] as? String)
        }
        patches = Dictionary(items.map { ($0["path"] as? String ?? "?", $0["patch"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
        platform = (object["platform"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
    }

    /// "modified ClusterQueue search": Kubernetes objects only.
    var objects: Set<String> {
        Set(
            changes.compactMap { change in
                change.kind.map { "\(change.change) \($0) " + (change.namespace.map { "\($0)/" } ?? "") + (change.name ?? "") }
            })
    }

    /// "modified out/litellm/config.yaml": files that are not Kubernetes objects.
    var files: Set<String> { Set(changes.filter { $0.kind == nil }.map(\.description)) }
}
