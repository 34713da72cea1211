import CLibGit2

/// The id Git gives a file's bytes (the SHA-1 of `blob <size>\0` and the bytes), computed without
/// a repository: a render's files can be matched with a commit's tree without reading a blob.
public struct GitBlobID: Hashable, Sendable {
    let raw: [UInt8]

    public init(of bytes: [UInt8]) {
        LibGit2.initialize()
        var oid = git_oid()
        let status = bytes.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
        // Hashing a buffer in memory cannot fail; an all-zero id would only cost a blob read.
        raw = status == 0 ? withUnsafeBytes(of: oid.id) { Array($0) } : []
    }

    init(_ oid: UnsafePointer<git_oid>) {
        raw = withUnsafeBytes(of: oid.pointee.id) { Array($0) }
    }
}
