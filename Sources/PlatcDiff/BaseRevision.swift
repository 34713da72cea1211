import PlatcGit
import PlatcSpec

/// The base side of a diff, read from one commit's tree: out/ as committed, and the platform
/// sources it was rendered from. Nothing is read from the working tree or through `git`.
public struct BaseRevision {
    public var base: DiffReport.Base
    /// out/ at the base, by path inside out/, without the files identical to the render it was
    /// compared with (`identical`); empty before the first render was committed.
    public var out: [String: [UInt8]]
    /// Paths inside out/ whose blob at the base equals the render's file: never read.
    public var identical: Set<String> = []
    /// The platform sources at the base, as `SourceTreeReader` would have read them.
    public var sources: SourceTree?

    /// Reads `rootPath/outPath` and `rootPath/{platform,tenants,models}` (repo-relative) at
    /// `revision`. An unborn HEAD (a repository without commits) is an empty base, not an error.
    /// `render` holds the blob ids of a fresh render by path inside out/: files whose id matches
    /// are not read.
    public static func read(
        _ repository: GitRepository, revision: String, rootPath: String, outPath: String, render: [String: GitBlobID] = [:]
    ) throws(GitError) -> BaseRevision {
        let commit: GitCommit
        do {
            commit = try repository.resolve(revision)
        } catch let error where error.kind == .unbornHead && revision == "HEAD" {
            return BaseRevision(base: DiffReport.Base(revision: revision, commit: nil, subject: nil), out: [:], sources: nil)
        }
        let (out, identical) = try repository.files(at: commit, under: outPath, skipping: render)
        var files: [SourceTree.File] = []
        for folder in Kind.folders {
            let under = rootPath.isEmpty ? folder : rootPath + "/" + folder
            for (path, bytes) in try repository.files(at: commit, under: under).sorted(by: { $0.key < $1.key }) {
                // The same files the disk reader takes: documents anywhere, configs under models/, no hidden names.
                guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                    SourceTree.isDocument(path) || (folder == "models" && path.hasSuffix(".json"))
                else { continue }
                files.append(SourceTree.File(path: folder + "/" + path, bytes: bytes))
            }
        }
        let hasPlatform = files.contains { $0.path.hasPrefix("platform/") }
        return BaseRevision(
            base: DiffReport.Base(revision: revision, commit: commit.id, subject: commit.summary), out: out,
            identical: identical, sources: hasPlatform ? SourceTree(files: files) : nil)
    }
}
