import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

/// Loading depends on what the sources say, not on how they are written: file order, CRLF or
/// LF, a BOM, comments and the order of top-level keys change nothing in the loaded values.
@Suite struct LoadingPropertyTests {
    static let platforms = [Paths.packageRoot, Paths.minimalPlatform]

    @Test(arguments: platforms)
    func loadingIsIndependentOfSpelling(_ root: URL) throws {
        let original = try SourceTree.reading(root)
        let reference = Loader().load(original)
        let expected = valueDump(try #require(reference.spec))
        var random = SeededRandom(seed: 7)
        for round in 0..<40 {
            var files = original.files.shuffled(using: &random)
            for index in files.indices where SourceTree.isDocument(files[index].path) {
                var text = String(decoding: files[index].bytes, as: UTF8.self)
                text = Self.shuffleTopLevelKeys(text, using: &random)
                if Bool.random(using: &random) { text = Self.sprinkleComments(text, using: &random) }
                if Bool.random(using: &random) { text = text.replacing("\n", with: "\r\n") }
                var bytes = Array(text.utf8)
                if Bool.random(using: &random) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
                files[index].bytes = bytes
            }
            let result = Loader().load(SourceTree(files: files))
            #expect(result.diagnostics.isEmpty, "round \(round): \(result.diagnostics.map(\.message))")
            let spec = try #require(result.spec, "round \(round) did not load")
            #expect(valueDump(spec) == expected, "round \(round) loaded different values")
        }
    }

    /// Splits a document into its top-level entries (a key line plus its indented lines) and
    /// shuffles them. Leading comment lines stay first.
    static func shuffleTopLevelKeys(_ text: String, using random: inout SeededRandom) -> String {
        var blocks: [[Substring]] = []
        var header: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { continue }
            if let first = line.first, first != " ", first != "#", first != "-" {
                blocks.append([line])
            } else if blocks.isEmpty {
                header.append(line)
            } else {
                blocks[blocks.count - 1].append(line)
            }
        }
        let body = blocks.shuffled(using: &random).flatMap { $0 }
        return (header + body).joined(separator: "\n") + "\n"
    }

    /// Inserts full-line comments between lines (never inside block scalars: the sources have none).
    static func sprinkleComments(_ text: String, using random: inout SeededRandom) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if Int.random(in: 0..<4, using: &random) == 0 { out.append("# note: kind: Tenant, name: x") }
            out.append(String(line))
        }
        return out.joined(separator: "\n")
    }
}
