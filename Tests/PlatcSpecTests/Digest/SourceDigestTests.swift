import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

/// The source digest names what the sources mean: every respelling that keeps the meaning keeps
/// it, every change of a value changes it (docs/render-catalog.md).
@Suite struct SourceDigestTests {
    static let tree = try! SourceTree.reading(Paths.minimalPlatform)

    static func digest(_ tree: SourceTree) throws -> SourceDigest {
        let loaded = Loader().load(tree)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        return try #require(loaded.spec).sourceDigest
    }

    /// `path`'s text with `old` replaced by `new` (which must occur).
    static func editing(_ path: String, _ old: String, _ new: String, in tree: SourceTree = tree) -> SourceTree {
        var files = tree.files
        let index = files.firstIndex { $0.path == path }!
        let text = String(decoding: files[index].bytes, as: UTF8.self)
        #expect(text.contains(old), "\(path) lacks \(old)")
        files[index].bytes = Array(text.replacing(old, with: new).utf8)
        return SourceTree(files: files)
    }

    @Test func isTheHashOfItsListing() throws {
        let digest = try Self.digest(Self.tree)
        #expect(digest.value == "sha256:" + SHA256.hex(SHA256.hash(Array(digest.listing.utf8))))
        #expect(digest.entries.map(\.name) == ["GPUClass/a10", "Model/tiny", "Platform/mini", "Tenant/team", "models/tiny.json"])
        for entry in digest.entries { #expect(entry.hash == SHA256.hex(SHA256.hash(Array(entry.canonical.utf8)))) }
        #expect(digest.fileCount == 5)
    }

    @Test func respellingsKeepIt() throws {
        let digest = try Self.digest(Self.tree)
        var random = SeededRandom(seed: 3)
        for _ in 0..<8 {
            #expect(try Self.digest(SourceShuffler.respell(Self.tree, shufflingSetLists: true, using: &random)) == digest)
        }
        let explicit = SourceTree(files: Self.tree.files.map { ExplicitSpelling.rewrite($0) ?? $0 })
        #expect(try Self.digest(explicit) == digest)
        // Units and scalars spelled otherwise: 300s is 5m, 100 is 100.00, a quoted string is a string.
        let units = Self.editing(
            "platform/mini.yaml", "client: 300s\n  gateway: 120s", "client: 5m\n  gateway: 2m  # two minutes")
        #expect(try Self.digest(Self.editing("platform/mini.yaml", "usd: 100", "usd: 100.00", in: units)) == digest)
        #expect(try Self.digest(Self.editing("models/tiny.yaml", "owner: team", "owner: \"team\"")) == digest)
        // config.json: whitespace and key order are not meaning.
        let config = String(decoding: Self.tree.files.first { $0.path == "models/tiny.json" }!.bytes, as: UTF8.self)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(config.utf8)) as? [String: Any])
        let reordered = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted])
        var files = Self.tree.files
        files[files.firstIndex { $0.path == "models/tiny.json" }!].bytes = [UInt8](reordered)
        #expect(try Self.digest(SourceTree(files: files)) == digest)
    }

    @Test func everyValueChangesIt() throws {
        let digest = try Self.digest(Self.tree)
        let edits: [(String, String, String)] = [
            ("tenants/team.yaml", "rpm: 60", "rpm: 61"),
            ("platform/mini.yaml", "client: 300s", "client: 301s"),
            ("models/tiny.yaml", "A tiny model.", "A small model."),
            ("models/tiny.yaml", "gpuMemoryUtilization: 0.8", "gpuMemoryUtilization: 0.81"),
            ("platform/a10.yaml", "memory: 24Gi", "memory: 23Gi"),
            ("models/tiny.json", "\"num_hidden_layers\": 24", "\"num_hidden_layers\": 25"),
            // An explicit value that differs from the default is a change.
            ("tenants/team.yaml", "usd: 50", "usd: 50\n  period: 7d"),
        ]
        var seen: Set<String> = [digest.value]
        for (path, old, new) in edits {
            let changed = try Self.digest(Self.editing(path, old, new))
            #expect(seen.insert(changed.value).inserted, "\(path): \(old) → \(new) kept the digest")
        }
    }
}
