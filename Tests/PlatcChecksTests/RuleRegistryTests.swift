import Foundation
import PlatcChecks
import PlatcFacts
import PlatcRender
import PlatcSpec
import PlatcTestSupport
import Testing

/// The rule registry: every rule listed once, ids well-formed, docs/rules.md current.
@Suite struct RuleRegistryTests {
    static let all = Rule.loadRules + CheckPipeline.rules + RenderPipeline.rules

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

    /// Each rule lives where its id says: `fit/tp-heads` in `<module>/…/Fit/TPHeads.swift`, `yaml/invalid-utf8` in
    /// `…/YAML/InvalidUTF8.swift` (folder and file compared without case and dashes; a file may end in `Rule`).
    @Test func everyRuleIsDeclaredInAFileNamedByItsID() {
        for rule in Self.all {
            let path = rule.definedIn.split(separator: "/").map(String.init)
            let folder = path.dropLast().last ?? ""
            let file = Self.withoutTrailingRule((path.last ?? "").replacing(".swift", with: "").lowercased())
            #expect(
                folder.lowercased() == rule.family, "\(rule.id) is declared in \(rule.definedIn), outside a folder named \(rule.family)")
            #expect(file == Self.name(of: rule), "\(rule.id) is declared in \(rule.definedIn), not in a file named by its id")
            let module =
                CheckPipeline.rules.contains(rule) ? "PlatcChecks" : RenderPipeline.rules.contains(rule) ? "PlatcRender" : "PlatcSpec"
            #expect(path.first == module, "\(rule.id) is declared in \(rule.definedIn), outside \(module)")
        }
    }

    /// The registry holds every `CheckRule` the checks module declares, once, named by its rule's id.
    @Test func everyCheckRuleIsRegisteredOnce() throws {
        let registered = CheckPipeline.registry.map { String(describing: $0) }
        #expect(Set(registered).count == registered.count, "a check rule is registered twice: \(registered)")
        #expect(try Self.declaredCheckRules().sorted() == registered.sorted(), "a CheckRule is missing from CheckPipeline.registry")
        for type in CheckPipeline.registry {
            let name = Self.withoutTrailingRule(String(describing: type).lowercased())
            #expect(name == Self.name(of: type.rule), "\(type) reports \(type.rule.id)")
        }
        #expect(CheckPipeline.rules == CheckPipeline.registry.map { $0.rule })
    }

    /// The registry lists each family in one block, so each family runs as one group.
    @Test func eachFamilyIsListedInOneBlock() {
        var seen: [String] = []
        for rule in CheckPipeline.rules where seen.last != rule.family {
            #expect(!seen.contains(rule.family), "\(rule.id) is listed apart from the rest of \(rule.family)/*")
            seen.append(rule.family)
        }
    }

    @Test func rulesPageIsCurrent() throws {
        let page = RuleCatalogue.markdown(Self.all)
        if let diff = try Golden.compare(page, with: Paths.packageRoot.appendingPathComponent("docs/rules.md")) {
            Issue.record("docs/rules.md is stale: run `platc rules --markdown > docs/rules.md`\n\(diff)")
        }
    }

    // MARK: - Helpers

    /// The id's name part without dashes: `fit/tp-heads` → `tpheads`.
    static func name(of rule: Rule) -> String { String(rule.id.drop { $0 != "/" }.dropFirst()).replacing("-", with: "") }

    static func withoutTrailingRule(_ name: String) -> String { name.hasSuffix("rule") ? String(name.dropLast(4)) : name }

    /// The types Sources/PlatcChecks declares as `CheckRule`s.
    static func declaredCheckRules() throws -> [String] {
        let folder = Paths.packageRoot.appendingPathComponent("Sources/PlatcChecks")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.filter { $0.pathExtension == "swift" }.flatMap { file in
            try String(contentsOf: file, encoding: .utf8).matches(of: /(?:enum|struct) (\w+): CheckRule\b/).map { String($0.output.1) }
        }
    }
}
