import PlatcDiff
import PlatcFacts
import PlatcSpec
import Testing

/// The summary as a whole: nothing for nothing, and what stands in when the base did not load.
@Suite struct PlatformSummaryTests {
    @Test func identicalSpecsGiveAnEmptySummary() throws {
        let platform = try SummaryPlatform()
        let summary = try SummaryPlatform.summary(platform, platform)
        #expect(summary == PlatformSummary())
        #expect(summary.isEmpty)
    }

    @Test func withoutABaseEveryTenantAndModelIsAddedAndNothingElse() throws {
        var platform = try SummaryPlatform()
        platform.edit("platform/mini.yaml", "retries: 1", "retries: 2")
        let head = try platform.load()
        let summary = PlatformSummary.compare(
            base: nil, baseDiagnostics: [], head: Facts(head.spec), headDiagnostics: head.diagnostics,
            baseProblem: "platform/mini.yaml does not load at main")
        #expect(
            summary.changes == [
                .change(
                    .tenants, "team", "added", nil, "namespace team",
                    "Tenant team added (namespace team; budget $50.00 per 30d; 60 rpm, 100,000 tpm)"),
                .change(.models, "tiny", "added", nil, "a10 × 1", "Model tiny added (1 a10 GPU per replica; names tiny)"),
            ])
        #expect(summary.baseUnavailable == "platform/mini.yaml does not load at main")
        #expect(summary.introduced.map(\.ruleID) == ["timeout/gateway-router"], "the base's findings are all there is to compare")
        #expect(summary.resolved == [])
    }

    @Test func aMissingBaseHasAReasonEvenWhenTheCallerGivesNone() throws {
        let head = try SummaryPlatform().load()
        let summary = PlatformSummary.compare(base: nil, baseDiagnostics: [], head: Facts(head.spec), headDiagnostics: [])
        #expect(summary.baseUnavailable == "the base revision's sources did not load")
        #expect(!summary.isEmpty)
    }

    @Test func theSameInputsGiveTheSameSummaryWhateverTheFileOrder() throws {
        let base = try SummaryPlatform()
        var head = base
        head.edit("tenants/team.yaml", "a10: {nominal: 1}", "a10: {nominal: 2, borrowingLimit: 1}")
        head.edit("platform/mini.yaml", "client: 300s", "client: 600s")
        head.edit("models/tiny.yaml", "maxModelLen: 4096", "maxModelLen: 8192")
        let first = try SummaryPlatform.summary(base, head)
        // Dictionaries hand the loader the files in another order each run; sort them the other way too.
        var reversed = head
        reversed.files = [:]
        for (path, text) in head.files.sorted(by: { $0.key > $1.key }) { reversed.files[path] = text }
        #expect(try SummaryPlatform.summary(base, reversed) == first)
        #expect(
            first.changes.map { "\($0.topic.rawValue) \($0.subject) \($0.field)" } == [
                "gpu-quota a10 quota", "gpu-quota a10/team borrowing limit", "gpu-quota a10/team quota",
                "fit tiny max concurrency", "fit tiny max-model-len", "timeouts client timeout",
            ])
    }
}
