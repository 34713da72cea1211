import Foundation
import PlatcGit

/// Where the platform root and out/ sit inside the repository, as repo-relative paths for
/// reading a commit's tree, and out/ as the user named it for reports. The root may be any
/// folder of the repository; out/ need not exist yet (the first render).
public struct RepositoryLocation: Sendable {
    /// The platform root, repo-relative ("" at the top).
    public var root: String
    /// out/, repo-relative.
    public var out: String
    /// out/ as reports show it: relative to the root when inside it ("out"), else as given.
    public var display: String

    public struct OutsideRepository: Error, CustomStringConvertible {
        var path: String
        var workdir: String?
        public var description: String {
            "'\(path)' is not inside the Git repository at '\(workdir ?? "?")'; run platc diff from a folder of the repository whose out/ you compare"
        }
    }

    public init(repository: GitRepository, root: String, out: String?) throws(OutsideRepository) {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        let outURL = URL(fileURLWithPath: out ?? rootURL.appendingPathComponent("out").path).standardizedFileURL
        guard let rootPath = Self.repoPath(repository, rootURL.path) else {
            throw OutsideRepository(path: rootURL.path, workdir: repository.workdir)
        }
        guard let outPath = Self.repoPath(repository, outURL.path) else {
            throw OutsideRepository(path: outURL.path, workdir: repository.workdir)
        }
        self.root = rootPath
        self.out = outPath
        if outPath == rootPath {
            display = "."
        } else if rootPath.isEmpty {
            display = outPath
        } else if outPath.hasPrefix(rootPath + "/") {
            display = String(outPath.dropFirst(rootPath.count + 1))
        } else {
            display = out ?? outPath
        }
    }

    /// The repo-relative path of `path`, which need not exist: its deepest existing ancestor is
    /// resolved (links included) and the rest appended.
    private static func repoPath(_ repository: GitRepository, _ path: String) -> String? {
        var existing = path
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing), existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard let base = repository.relativePath(of: existing) else { return nil }
        return ([base].filter { !$0.isEmpty } + rest).joined(separator: "/")
    }
}
