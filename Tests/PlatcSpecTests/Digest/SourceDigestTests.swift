import PlatcSpec
import Testing

@Suite struct SourceDigestTests {
    static let files = [
        SourceTree.File(path: "platform/lab.yaml", bytes: Array("kind: Platform\n".utf8)),
        SourceTree.File(path: "models/configs/a.json", bytes: Array("{}\n".utf8)),
        SourceTree.File(path: "tenants/a.yaml", bytes: Array("kind: Tenant\n".utf8)),
    ]

    @Test func independentOfFileOrder() {
        let digest = SourceDigest(SourceTree(files: Self.files))
        #expect(SourceDigest(SourceTree(files: Self.files.reversed())) == digest)
        #expect(digest.fileCount == 3)
        #expect(digest.value.wholeMatch(of: /sha256:[0-9a-f]{64}/) != nil)
    }

    /// Any byte, and any path, changes it: a path is part of what was read.
    @Test func changesWithContentAndPath() {
        let digest = SourceDigest(SourceTree(files: Self.files))
        var edited = Self.files
        edited[2].bytes += Array(" ".utf8)
        #expect(SourceDigest(SourceTree(files: edited)) != digest)
        var moved = Self.files
        moved[2].path = "tenants/b.yaml"
        #expect(SourceDigest(SourceTree(files: moved)) != digest)
    }

    /// The `sha256sum` listing, hashed: what docs/render-catalog.md tells users to run.
    @Test func isTheHashOfTheSha256sumListing() {
        let listing = Self.files.sorted { $0.path < $1.path }.map { "\(SHA256.hex(SHA256.hash($0.bytes)))  \($0.path)\n" }.joined()
        #expect(SourceDigest(SourceTree(files: Self.files)).value == "sha256:" + SHA256.hex(SHA256.hash(Array(listing.utf8))))
    }
}
