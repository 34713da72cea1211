/// One hash for all the sources a render read, shown in the catalog's footer so a reader can tell
/// which sources a page was built from. It is the SHA-256 of the `sha256sum` listing of the files
/// in path order, so anyone can recompute it from a checkout (docs/render-catalog.md has the
/// command) and it does not depend on directory order, file times or the machine.
public struct SourceDigest: Sendable, Equatable {
    /// `sha256:` and 64 hex digits.
    public let value: String
    public let fileCount: Int

    public init(_ tree: SourceTree) {
        var listing = SHA256()
        let files = tree.files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        // Each file's hash is independent: hashed on every core, listed in path order.
        let hashes = Parallel.map(files) { SHA256.hex(SHA256.hash($0.bytes)) }
        for (file, hash) in zip(files, hashes) { listing.update("\(hash)  \(file.path)\n") }
        value = "sha256:" + SHA256.hex(listing.finalize())
        fileCount = files.count
    }
}
