import Foundation
import PlatcRender
import PlatcSpec
import PlatcTestSupport
import Testing

/// Same meaning, same bytes: the order of files, of keys at every depth and of the items of
/// set-like lists, comments, line endings and a BOM change nothing in out/ but the catalog's
/// source digest, which names the source bytes on purpose (SourceDigestTests covers it).
@Suite struct RenderDeterminismTests {
    static let platforms = [Paths.packageRoot, Paths.minimalPlatform, Paths.fixtures.appendingPathComponent("timeslicing-keda")]

    @Test(arguments: platforms)
    func permutedSourcesRenderTheSameBytes(_ root: URL) throws {
        let original = try SourceTree.reading(root)
        let spec = try #require(Loader().load(original).spec)
        let expected = Self.masking(spec.sourceDigest, in: try RenderPipeline.render(spec))
        #expect(!expected.isEmpty)
        var random = SeededRandom(seed: 11)
        for round in 0..<12 {
            let loaded = Loader().load(SourceShuffler.respell(original, shufflingSetLists: true, using: &random))
            #expect(loaded.diagnostics.isEmpty, "round \(round): \(loaded.diagnostics.map(\.message))")
            let respelled = try #require(loaded.spec, "round \(round) did not load")
            let rendered = Self.masking(respelled.sourceDigest, in: try RenderPipeline.render(respelled))
            #expect(rendered.map(\.path) == expected.map(\.path), "round \(round) rendered other files")
            for (got, want) in zip(rendered, expected) where got != want {
                Issue.record(
                    "round \(round): \(got.path) differs\n\(Golden.unifiedDiff(String(decoding: want.bytes, as: UTF8.self), String(decoding: got.bytes, as: UTF8.self), name: got.path))"
                )
            }
        }
    }

    static func masking(_ digest: SourceDigest, in artifacts: [Artifact]) -> [Artifact] {
        artifacts.map { artifact in
            let text = String(decoding: artifact.bytes, as: UTF8.self).replacing(digest.value, with: "sha256:<sources>")
            return Artifact(path: artifact.path, bytes: Array(text.utf8))
        }
    }

    @Test func setListShufflerMovesItems() {
        var random = SeededRandom(seed: 5)
        let text = "a:\n  models: [x, y, z, w]\n  tenants:\n    - p\n    - q\n    - r\n  other: [1, 2, 3]\n"
        let variants = Set((0..<20).map { _ in SourceShuffler.shuffleSetLists(text, using: &random) })
        #expect(variants.count > 5)
        #expect(variants.allSatisfy { $0.contains("other: [1, 2, 3]") })
        #expect(variants.contains { !$0.contains("models: [x, y, z, w]") })
        #expect(variants.contains { !$0.contains("    - p\n    - q\n    - r") })
    }
}
