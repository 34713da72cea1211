import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

/// Loading depends on what the sources say, not on how they are written: file order, CRLF or
/// LF, a BOM, comments and the order of keys (at every depth) change nothing in the loaded values.
@Suite struct LoadingPropertyTests {
    static let platforms = [Paths.packageRoot, Paths.minimalPlatform]

    @Test(arguments: platforms)
    func loadingIsIndependentOfSpelling(_ root: URL) throws {
        let original = try SourceTree.reading(root)
        let reference = Loader().load(original)
        let expected = valueDump(try #require(reference.spec))
        var random = SeededRandom(seed: 7)
        for round in 0..<40 {
            let result = Loader().load(SourceShuffler.respell(original, using: &random))
            #expect(result.diagnostics.isEmpty, "round \(round): \(result.diagnostics.map(\.message))")
            let spec = try #require(result.spec, "round \(round) did not load")
            #expect(valueDump(spec) == expected, "round \(round) loaded different values")
        }
    }

    /// The shuffler really moves nested keys (else the property above would prove little).
    @Test func shufflerReordersNestedKeys() {
        var random = SeededRandom(seed: 3)
        let text = "a: 1\nb:\n  c: 2\n  d: 3\n  e:\n    f: 4\n    g: 5\nl:\n  - x: 1\n    y: 2\n  - z\n"
        let variants = Set((0..<20).map { _ in SourceShuffler.shuffleKeys(text, using: &random) })
        #expect(variants.count > 10)
        #expect(variants.contains { $0.contains("  d: 3\n  c: 2") })
        #expect(variants.contains { $0.contains("    g: 5\n    f: 4") })
        #expect(variants.allSatisfy { $0.contains("  - x: 1\n") && $0.range(of: "- x: 1")!.lowerBound < $0.range(of: "- z")!.lowerBound })
    }
}
