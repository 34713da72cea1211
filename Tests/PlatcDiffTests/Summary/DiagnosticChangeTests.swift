import PlatcDiff
import PlatcFacts
import PlatcSpec
import Testing

/// Findings compared across revisions: by severity, rule and message, as a multiset, wherever
/// they sit.
@Suite struct DiagnosticChangeTests {
    @Test func aWarningIntroducedAndTheSameWarningResolved() throws {
        let base = try SummaryPlatform()
        var head = base
        head.edit("models/tiny.yaml", "gpuClass: a10\n", "gpuClass: a10\n  replicas: {min: 1, max: 3}\n")
        let warning = DiagnosticChange(
            severity: "warning", ruleID: "quota/max-replicas",
            message: "at max replicas, the models on GPU class 'a10' need 3 GPUs, but the class has 2 GPUs (2 nodes × 1 GPU per node)",
            location: "platform/a10.yaml:7:8")
        let forward = try SummaryPlatform.summary(base, head)
        #expect(forward.introduced == [warning] && forward.resolved == [])
        #expect(
            forward.changes == [
                .change(.serving, "a10", "max GPUs", "1", "3", "Serving GPUs on a10 at max replicas: 1 → 3 GPUs of 2"),
                .change(.serving, "tiny", "max replicas", "1", "3", "Max replicas of model tiny: 1 → 3"),
                .change(.serving, "tiny", "replicas", "fixed", "keda", "Replica mode of model tiny: fixed → keda"),
            ])
        let back = try SummaryPlatform.summary(head, base)
        #expect(back.introduced == [] && back.resolved == [warning])
    }

    @Test func linesThatMoveDoNotMakeAFindingNewAndRepeatsCount() {
        func finding(_ message: String, line: Int) -> Diagnostic {
            Diagnostic(.warning, rule: Self.rule, message, at: .point(SourceLocation(file: "tenants/team.yaml", line: line, column: 3)))
        }
        let base = [finding("one", line: 4), finding("two", line: 9)]
        let head = [finding("two", line: 12), finding("one", line: 7), finding("two", line: 20)]
        let spec = try? SummaryPlatform().load().spec
        guard let spec else { return #expect(Bool(false), "the minimal platform loads") }
        let summary = PlatformSummary.compare(base: Facts(spec), baseDiagnostics: base, head: Facts(spec), headDiagnostics: head)
        #expect(
            summary.introduced == [
                DiagnosticChange(severity: "warning", ruleID: "test/rule", message: "two", location: "tenants/team.yaml:20:3")
            ])
        #expect(summary.resolved == [])
        let reverse = PlatformSummary.compare(base: Facts(spec), baseDiagnostics: head, head: Facts(spec), headDiagnostics: base)
        #expect(reverse.resolved.map(\.location) == ["tenants/team.yaml:20:3"] && reverse.introduced == [])
    }

    @Test func aFindingOfNoFileHasNoLocation() throws {
        let spec = try SummaryPlatform().load().spec
        let finding = Diagnostic(.error, rule: Self.rule, "no platform/ folder", at: nil)
        let summary = PlatformSummary.compare(base: Facts(spec), baseDiagnostics: [finding], head: Facts(spec), headDiagnostics: [])
        #expect(
            summary.resolved == [DiagnosticChange(severity: "error", ruleID: "test/rule", message: "no platform/ folder", location: nil)])
    }

    static let rule = Rule(id: "test/rule", summary: "A test rule.", rationale: "Tests.", example: "", fix: "")
}
