import Foundation
import PlatcTestSupport
import Testing

/// `platc-bench run` at S end to end against the debug platc: every row measured and proven
/// (exit codes, a no-change render that writes nothing, a diff that reports the change), and
/// the doc rewritten between its markers only. One run: it takes most of twenty seconds in debug.
@Suite struct BenchRunnerTests {
    static let rows = ["check", "render (empty out/)", "render (no change)", "render --check", "diff (one tenant changed)"]

    @Test func measuresEveryRowAtSAndKeepsTheProseAroundTheMarkers() throws {
        let folder = BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let doc = folder.appendingPathComponent("BENCHMARKS.md")
        let prose = "# Benchmarks\n\nHand-written analysis.\n\n<!-- bench:begin -->\nstale numbers\n<!-- bench:end -->\n\nMore prose.\n"
        try prose.write(to: doc, atomically: true, encoding: .utf8)

        let result = try BenchBinary.run(
            [
                "run", "--scales", "S", "--runs", "5", "--warmup", "1", "--output", doc.path, "--platc", Paths.platcBinary.path,
                "--repo", Paths.packageRoot.path,
            ], timeout: 180)
        try #require(result.exitCode == 0, "\(result.stdout)\(result.stderr)")

        let after = try String(contentsOf: doc, encoding: .utf8)
        #expect(after.hasPrefix("# Benchmarks\n\nHand-written analysis.\n\n<!-- bench:begin -->\n"))
        #expect(after.hasSuffix("<!-- bench:end -->\n\nMore prose.\n"))
        #expect(!after.contains("stale numbers"))
        // The timings table: one row per command at S, in order (the inputs table's S row has a number there).
        let timings = after.split(separator: "\n").filter { $0.hasPrefix("| S | ") }.map {
            $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        .filter { $0[1].first?.isLetter == true }
        #expect(timings.map { $0[1] } == Self.rows)
        for row in timings { #expect(row[2].hasSuffix(" s") && row[5].contains(" MiB"), "\(row)") }
        // Targets need L and XL: at S none can pass or fail.
        #expect(after.contains("0 PASS, 0 FAIL"))
        #expect(after.contains("### How to reproduce"))
    }
}
