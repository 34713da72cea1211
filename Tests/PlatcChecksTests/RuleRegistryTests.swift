import Foundation
import PlatcFacts
import PlatcChecks
import PlatcSpec
import PlatcTestSupport
import Testing

/// The rule registry: every rule listed once, ids well-formed, docs/rules.md current.
@Suite struct RuleRegistryTests {
    static let all = Rule.loadRules + CheckPipeline.rules

    @Test func idsAreUniqueAndWellFormed() {
        let ids = Self.all.map(\.id)
        #expect(Set(ids).count == ids.count, "a rule id repeats")
        for id in ids {
            let parts = id.split(separator: "/")
            #expect(parts.count == 2 && id == id.lowercased() && !id.contains(" "), "bad id \(id)")
        }
    }

    @Test func everyRuleIsDocumented() {
        for rule in Self.all {
            #expect(!rule.summary.isEmpty && !rule.rationale.isEmpty && !rule.fix.isEmpty && !rule.example.isEmpty, "\(rule.id)")
        }
    }

    @Test func rulesPageIsCurrent() throws {
        let page = RuleCatalogue.markdown(Self.all)
        if let diff = try Golden.compare(page, with: Paths.packageRoot.appendingPathComponent("docs/rules.md")) {
            Issue.record("docs/rules.md is stale: run `platc rules --markdown > docs/rules.md`\n\(diff)")
        }
    }
}
