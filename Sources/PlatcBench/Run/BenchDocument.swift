import Foundation

/// docs/BENCHMARKS.md: only the text between the markers is the runner's; everything outside
/// them is written by hand and kept as it is.
enum BenchDocument {
    static let begin = "<!-- bench:begin -->"
    static let end = "<!-- bench:end -->"

    /// A new file: a title, room for analysis, and the markers.
    static let skeleton = """
        # platc benchmarks

        Whole-process timings of `platc` on synthetic platforms, written by `platc-bench run`
        (`scripts/bench`). Text outside the `bench:` markers is kept across re-runs.

        \(begin)
        \(end)

        """

    struct BrokenMarkers: Error, CustomStringConvertible {
        var file: String
        var description: String { "\(file) has \(begin) and \(end) out of order or more than once; fix the markers by hand" }
    }

    /// `existing` with the generated part replaced by `generated` (markers appended when missing).
    static func splice(_ generated: String, into existing: String?, file: String) throws -> String {
        let text = existing ?? skeleton
        let begins = text.components(separatedBy: begin).count - 1
        let ends = text.components(separatedBy: end).count - 1
        if begins == 0, ends == 0 {
            return text + (text.hasSuffix("\n") ? "\n" : "\n\n") + block(generated) + "\n"
        }
        guard begins == 1, ends == 1, let open = text.range(of: begin), let close = text.range(of: end),
            open.upperBound <= close.lowerBound
        else { throw BrokenMarkers(file: file) }
        return String(text[..<open.lowerBound]) + block(generated) + String(text[close.upperBound...])
    }

    private static func block(_ generated: String) -> String {
        "\(begin)\n<!-- Written by platc-bench run; edits inside the markers are lost on the next run. -->\n\n\(generated)\n\(end)"
    }

    static func update(_ url: URL, with generated: String) throws {
        let existing = try? String(contentsOf: url, encoding: .utf8)
        let text = try splice(generated, into: existing, file: url.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
