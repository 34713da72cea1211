import PlatcDiff
import Testing

/// A report too big for a comment: it stays under budget, every fence and tag is closed, the
/// summary survives, and the bytes are the same every time.
@Suite struct MarkdownBudgetTests {
    /// 300 added objects of 60 lines each: about 1 MB of diff.
    static let overflowing: DiffReport = {
        var report = SampleReport.report
        report.changeSet = ChangeSet(
            changes: (0..<300).map { index in
                let name = String(format: "tenant-%03d", index)
                let body = (0..<60).map { "+  line-\($0): \(String(repeating: "x", count: 40))\n" }.joined()
                return ObjectChange(
                    change: .added, path: "out/manifests/\(name)/namespace.yaml", family: .kubernetes,
                    identity: ObjectIdentity(apiVersion: "v1", kind: "Namespace", name: name),
                    patch: "--- /dev/null\n+++ b/out/manifests/\(name)/namespace.yaml\n@@ -0,0 +1,60 @@\n" + body, insertions: 60,
                    deletions: 0,
                    maskedSecrets: 0)
            }, unchanged: 0)
        return report
    }()

    @Test(arguments: [2_000, 10_000, 65_000])
    func staysUnderBudgetBalancedAndStable(budget: Int) {
        let markdown = MarkdownReport(budget: budget).render(Self.overflowing)
        #expect(markdown.utf8.count <= budget)
        #expect(markdown == MarkdownReport(budget: budget).render(Self.overflowing))
        #expect(markdown.components(separatedBy: "<details>").count == markdown.components(separatedBy: "</details>").count)
        #expect(markdown.components(separatedBy: "<summary>").count == markdown.components(separatedBy: "</summary>").count)
        let fences = markdown.split(separator: "\n").filter { $0.hasPrefix("```") }
        #expect(fences.count % 2 == 0)
        #expect(markdown.contains("**`Plan: +300 ~0 -0 objects`** · Kubernetes `+300`"))
        #expect(markdown.contains("GPU quota of tenant search on h100"))
        let shown = markdown.components(separatedBy: "<details>").count - 1
        #expect(markdown.hasSuffix("\n\(300 - shown) more objects changed: run `platc diff --base origin/main` to see them all.\n"))
    }

    @Test func aHugeSummaryIsCutWithACount() {
        var report = Self.overflowing
        report.summary.changes = (0..<2_000).map {
            PlatformChange(topic: .tenants, subject: "t\($0)", field: "added", before: nil, after: "t\($0)", text: "tenant t\($0) added")
        }
        let markdown = MarkdownReport(budget: 5_000).render(report)
        #expect(markdown.utf8.count <= 5_000)
        #expect(markdown.contains("more lines: run `platc diff`"))
        #expect(!markdown.contains("<details>"))
        #expect(markdown.hasSuffix("\n300 more objects changed: run `platc diff --base origin/main` to see them all.\n"))
    }
}
