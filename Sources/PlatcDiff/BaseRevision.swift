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
    /// Why the base's sources were not read, when a limit stopped them (limit/file-count).
    public var sourcesProblem: String?

    /// Reads `rootPath/outPath` and `rootPath/{platform,tenants,models}` (repo-relative) at
    /// `revision`. An unborn HEAD (a repository without commits) is an empty base, not an error.
    /// `render` holds the blob ids of a fresh render by path inside out/: files whose id matches
    /// are not read.
    public static func read(
        _ repository: GitRepository, revision: String, rootPath: String, outPath: String, render: [String: GitBlobID] = [:],
        limits: SourceLimits = SourceLimits()
    ) throws(GitError) -> BaseRevision {
        let commit: GitCommit
        do {
            commit = try repository.resolve(revision)
        } catch let error where error.kind == .unbornHead && revision == "HEAD" {
            return BaseRevision(base: DiffReport.Base(revision: revision, commit: nil, subject: nil), out: [:], sources: nil)
        }
        let (out, identical) = try repository.files(at: commit, under: outPath, skipping: render)
        let base = DiffReport.Base(revision: revision, commit: commit.id, subject: commit.summary)
        var files: [SourceTree.File] = []
        for folder in Kind.folders {
            let under = rootPath.isEmpty ? folder : rootPath + "/" + folder
            // The disk reader's limits hold here too: an oversized blob is not inflated (its size
            // gives limit/file-size when it loads), and too many files stop the base's summary.
            let read = try repository.files(at: commit, under: under, sizeLimit: limits.fileSize)
            // The same files the disk reader takes: documents anywhere, configs under models/, no hidden names.
            let taken = read.files.keys.sorted().filter { path in
                !path.split(separator: "/").contains(where: { $0.hasPrefix(".") })
                    && SourceTree.isSource(path, in: folder)
            }
            guard taken.count <= limits.filesPerFolder else {
                let problem = "its \(folder)/ holds more than \(limits.filesPerFolder) source files [limit/file-count]"
                return BaseRevision(base: base, out: out, identical: identical, sources: nil, sourcesProblem: problem)
            }
            for path in taken {
                files.append(SourceTree.File(path: folder + "/" + path, bytes: read.files[path]!, size: read.oversized[path]))
            }
        }
        let hasPlatform = files.contains { $0.path.hasPrefix("platform/") }
        return BaseRevision(base: base, out: out, identical: identical, sources: hasPlatform ? SourceTree(files: files) : nil)
    }
}
