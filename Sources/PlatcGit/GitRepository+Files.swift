import CLibGit2

extension GitRepository {
    /// Every file under `folder` ("out", "sub/dir/out"; "" for the whole tree) in the commit's
    /// tree, keyed by its path relative to `folder`. An absent folder, or a file at that path,
    /// gives [:] (a first render). Symbolic links and submodules are skipped: they have no bytes
    /// a render could produce.
    public func files(at commit: GitCommit, under folder: String) throws(GitError) -> [String: [UInt8]] {
        try files(at: commit, under: folder, skipping: [:]).files
    }

    /// The files under `folder`, without reading those whose blob id equals `known[path]`: those
    /// are listed in `identical`. A diff passes the ids of a fresh render, so only what changed
    /// is read and inflated.
    public func files(
        at commit: GitCommit, under folder: String, skipping known: [String: GitBlobID]
    ) throws(GitError) -> (files: [String: [UInt8]], identical: Set<String>) {
        let read = try files(at: commit, under: folder, skipping: known, sizeLimit: nil)
        return (read.files, read.identical)
    }

    /// The files under `folder`, as above; a blob larger than `sizeLimit` bytes is not inflated:
    /// its size (from the object's header) is in `oversized` and its bytes are empty. A source
    /// file committed at 2 GB costs a header read, as the disk reader's bounded read does.
    public func files(
        at commit: GitCommit, under folder: String, skipping known: [String: GitBlobID] = [:], sizeLimit: Int?
    ) throws(GitError) -> (files: [String: [UInt8]], identical: Set<String>, oversized: [String: Int]) {
        let commitObject = try lookUp(commit)
        defer { git_commit_free(commitObject) }
        var root: OpaquePointer?
        guard git_commit_tree(&root, commitObject) == 0, let root else {
            throw GitError(.io("cannot read the tree of commit \(commit.shortID): \(LibGit2.lastErrorMessage())"))
        }
        defer { git_tree_free(root) }

        let path = Self.treePath(folder)
        if path.isEmpty { return try blobs(in: root, skipping: known, sizeLimit: sizeLimit) }
        var entry: OpaquePointer?
        let status = git_tree_entry_bypath(&entry, root, path)
        if status == GIT_ENOTFOUND.rawValue { return ([:], [], [:]) }
        guard status == 0, let entry else {
            throw GitError(.io("cannot read '\(path)' in commit \(commit.shortID): \(LibGit2.lastErrorMessage())"))
        }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return ([:], [], [:]) }
        var subtree: OpaquePointer?
        guard git_tree_lookup(&subtree, pointer, git_tree_entry_id(entry)) == 0, let subtree else {
            throw GitError(.io("cannot read '\(path)' in commit \(commit.shortID): \(LibGit2.lastErrorMessage())"))
        }
        defer { git_tree_free(subtree) }
        return try blobs(in: subtree, skipping: known, sizeLimit: sizeLimit)
    }

    /// A folder as libgit2 names it inside a tree: no leading "./" or slashes at either end.
    static func treePath(_ folder: String) -> String {
        let parts = folder.split(separator: "/").filter { $0 != "." }
        return parts.joined(separator: "/")
    }

    /// Every regular or executable blob below `tree`, by path relative to it.
    private func blobs(
        in tree: OpaquePointer, skipping known: [String: GitBlobID], sizeLimit: Int?
    ) throws(GitError) -> (files: [String: [UInt8]], identical: Set<String>, oversized: [String: Int]) {
        var database: OpaquePointer?
        guard git_repository_odb(&database, pointer) == 0, let database else {
            throw GitError(.io("cannot open the object database: \(LibGit2.lastErrorMessage())"))
        }
        defer { git_odb_free(database) }
        let collector = BlobCollector(repository: pointer, database: database, known: known, sizeLimit: sizeLimit)
        let status = withExtendedLifetime(collector) {
            git_tree_walk(tree, GIT_TREEWALK_PRE, collectBlob, Unmanaged.passUnretained(collector).toOpaque())
        }
        if let failure = collector.failure { throw failure }
        guard status == 0 else { throw GitError(.io("cannot walk a tree: \(LibGit2.lastErrorMessage())")) }
        return (collector.files, collector.identical, collector.oversized)
    }
}

/// What the tree walk's C callback fills in (it cannot capture, so it gets this as its payload).
private final class BlobCollector {
    let repository: OpaquePointer
    let database: OpaquePointer
    let known: [String: GitBlobID]
    let sizeLimit: Int?
    var files: [String: [UInt8]] = [:]
    var identical = Set<String>()
    var oversized: [String: Int] = [:]
    var failure: GitError?

    init(repository: OpaquePointer, database: OpaquePointer, known: [String: GitBlobID], sizeLimit: Int?) {
        self.repository = repository
        self.database = database
        self.known = known
        self.sizeLimit = sizeLimit
    }
}

/// git_tree_walk's callback: reads each file blob; 0 continues, a negative value stops the walk.
private func collectBlob(root: UnsafePointer<CChar>?, entry: OpaquePointer?, payload: UnsafeMutableRawPointer?) -> Int32 {
    guard let entry, let payload, let name = git_tree_entry_name(entry) else { return 0 }
    // Symbolic links are blobs too (mode 120000); submodules are commits. Both are skipped.
    guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB, git_tree_entry_filemode(entry) != GIT_FILEMODE_LINK else { return 0 }
    let collector = Unmanaged<BlobCollector>.fromOpaque(payload).takeUnretainedValue()
    let path = (root.map { String(cString: $0) } ?? "") + String(cString: name)
    if let id = collector.known[path], let entryID = git_tree_entry_id(entry), id == GitBlobID(entryID) {
        collector.identical.insert(path)
        return 0
    }
    if let limit = collector.sizeLimit {
        var size = 0
        var type = GIT_OBJECT_BLOB
        if git_odb_read_header(&size, &type, collector.database, git_tree_entry_id(entry)) == 0, size > limit {
            collector.files[path] = []
            collector.oversized[path] = size
            return 0
        }
    }
    var blob: OpaquePointer?
    guard git_blob_lookup(&blob, collector.repository, git_tree_entry_id(entry)) == 0, let blob else {
        collector.failure = GitError(.io("cannot read '\(path)': \(LibGit2.lastErrorMessage())"))
        return -1
    }
    defer { git_blob_free(blob) }
    let size = Int(git_blob_rawsize(blob))
    collector.files[path] = size == 0 ? [] : Array(UnsafeRawBufferPointer(start: git_blob_rawcontent(blob), count: size))
    return 0
}
