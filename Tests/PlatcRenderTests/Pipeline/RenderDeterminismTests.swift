import Foundation
import PlatcFacts
import PlatcRender
import PlatcSpec
import PlatcTestSupport
import Testing

/// Same meaning, same bytes: every benign respelling of the sources (file order, key order at
/// every depth, full-line and trailing comments, CRLF, a BOM, the order of set-like lists, every
/// default written out) renders out/ byte for byte, the catalog and its source digest included;
/// one respelling at a time, then all of them together in seeded rounds.
@Suite struct RenderDeterminismTests {
    static let platforms = [
        Paths.packageRoot, Paths.minimalPlatform, Paths.fixtures.appendingPathComponent("timeslicing-keda"),
        Paths.fixtures.appendingPathComponent("single-l4"), Paths.fixtures.appendingPathComponent("inference-gateway"),
        Paths.fixtures.appendingPathComponent("zero-idle-lab"),
    ]

    static func render(_ tree: SourceTree, _ label: String) throws -> [Artifact] {
        let loaded = Loader().load(tree)
        #expect(loaded.diagnostics.isEmpty, "\(label): \(loaded.diagnostics.map(\.message))")
        return try RenderPipeline.render(Facts(try #require(loaded.spec, "\(label) did not load")))
    }

    static func expectSame(_ rendered: [Artifact], _ expected: [Artifact], _ label: String) {
        #expect(rendered.map(\.path) == expected.map(\.path), "\(label) rendered other files")
        for (got, want) in zip(rendered, expected) where got != want {
            Issue.record(
                "\(label): \(got.path) differs\n\(Golden.unifiedDiff(String(decoding: want.bytes, as: UTF8.self), String(decoding: got.bytes, as: UTF8.self), name: got.path))"
            )
        }
    }

    @Test(arguments: platforms, SourceShuffler.Respelling.allCases)
    func eachRespellingRendersTheSameBytes(_ root: URL, _ respelling: SourceShuffler.Respelling) throws {
        let original = try SourceTree.reading(root)
        let expected = try Self.render(original, "original")
        #expect(!expected.isEmpty)
        var random = SeededRandom(seed: 7)
        let respelled = SourceShuffler.respell(original, respelling, using: &random)
        // The minimal platform's sets have one item each: there is nothing to reorder.
        let changed = respelled.files.map(\.bytes) != original.files.map(\.bytes)
        #expect(changed || (respelling == .setOrder && root == Paths.minimalPlatform), "\(respelling) changed nothing")
        Self.expectSame(try Self.render(respelled, "\(respelling)"), expected, "\(respelling)")
    }

    @Test(arguments: platforms)
    func allRespellingsTogetherRenderTheSameBytes(_ root: URL) throws {
        let original = try SourceTree.reading(root)
        let expected = try Self.render(original, "original")
        var random = SeededRandom(seed: 11)
        for round in 0..<12 {
            var tree = SourceShuffler.respell(original, shufflingSetLists: true, using: &random)
            if round.isMultiple(of: 3) { tree = SourceShuffler.respell(tree, .trailingComments, using: &random) }
            Self.expectSame(try Self.render(tree, "round \(round)"), expected, "round \(round)")
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

    @Test func trailingCommentsStayOutOfValues() {
        let text = "a: 1\nb: |\n  text\n  more\nc: [x,\n  y]\nd: 'one\n  two'\ne:\n  - f\n"
        #expect(
            SourceShuffler.trailingComments(text)
                == "a: 1  # note: kind: Model, name: x\nb: |\n  text\n  more\nc: [x,\n  y]\nd: 'one\n  two'  # note: kind: Model, name: x\n"
                + "e:  # note: kind: Model, name: x\n  - f  # note: kind: Model, name: x\n")
    }
}
