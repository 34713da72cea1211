import Foundation
import PlatcDiff
import PlatcTestSupport
import Testing

/// The three report formats of one sample report, against golden files
/// (Tests/Fixtures/diff-reports; PLATC_RECORD=1 re-records them).
@Suite struct ReportFormatTests {
    private func expectGolden(_ text: String, _ name: String) throws {
        let file = Paths.fixtures.appendingPathComponent("diff-reports/\(name)")
        if let difference = try Golden.compare(text, with: file) { Issue.record("\(name) differs:\n\(difference)") }
    }

    @Test func text() throws { try expectGolden(TextReport(color: false).render(SampleReport.report), "sample.txt") }

    @Test func textInColor() throws { try expectGolden(TextReport(color: true).render(SampleReport.report), "sample-color.txt") }

    @Test func markdown() throws { try expectGolden(MarkdownReport().render(SampleReport.report), "sample.md") }

    @Test func json() throws { try expectGolden(JSONReport.render(SampleReport.report), "sample.json") }

    @Test func jsonParsesAndCountsMatch() throws {
        let data = Data(JSONReport.render(SampleReport.report).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["added": 1, "modified": 2, "removed": 1, "renamed": 1, "moved": 0, "unchanged": 80])
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.map { $0["change"] as? String } == ["modified", "added", "modified", "renamed", "removed"])
    }

    /// A pull request that adopts the app-of-apps layout: objects moved between Applications and
    /// the warning to delete the old one without cascade.
    @Test(arguments: ["txt", "md", "json"])
    func moves(format: String) throws {
        let report = try ArgoTrees.adoptionReport()
        let text =
            switch format {
            case "txt": TextReport(color: false).render(report)
            case "md": MarkdownReport().render(report)
            default: JSONReport.render(report)
            }
        try expectGolden(text, "moves.\(format)")
    }

    @Test func noChangesSaysSo() {
        var report = SampleReport.report
        report.changeSet = ChangeSet(changes: [], unchanged: 86)
        report.summary = PlatformSummary(changes: [], introduced: [], resolved: [], baseUnavailable: nil)
        #expect(TextReport(color: false).render(report).hasSuffix("No changes: out/ matches the base (86 files).\n"))
        #expect(MarkdownReport().render(report).hasSuffix("**No changes** to `out/`.\n"))
        #expect(report.plan == "Plan: +0 ~0 -0 objects")
    }
}
