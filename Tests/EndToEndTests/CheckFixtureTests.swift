import Foundation
import PlatcChecks
import PlatcSpec
import PlatcTestSupport
import Testing

/// Every folder under Tests/Fixtures/checks/ is laid over the minimal platform (which loads and
/// checks clean) and checked by the built binary: it must print exactly its expected.txt, and exit
/// 1 when that holds an error, else 0.
///
/// Folders are named `<family>-<rule>-fails[-detail]` or `<family>-<rule>-passes[-detail]`:
/// a failing fixture shows its rule firing, a passing one sits next to the boundary and must not
/// fire it. Every check rule has both.
@Suite struct CheckFixtureTests {
    static let root = Paths.fixtures.appendingPathComponent("checks")
    static let fixtures = Paths.subfolders(of: root)

    @Test(arguments: fixtures)
    func checkFixture(_ name: String) throws {
        let platform = try TemporaryPlatform()
        let fixture = Self.root.appendingPathComponent(name)
        try platform.overlay(fixture)
        let result = try platc(["check"], in: platform.root, timeout: 30)
        let expected = (try? String(contentsOf: fixture.appendingPathComponent("expected.txt"), encoding: .utf8)) ?? ""
        let wantsError = expected.contains(": error: ")
        #expect(result.exitCode == (wantsError ? 1 : 0), "\(name): exit \(result.exitCode)\n\(result.stdout)\(result.stderr)")
        if let diff = try Golden.compare(result.stdout, with: fixture.appendingPathComponent("expected.txt")) {
            Issue.record("\(name): output differs from expected.txt\n\(diff)")
        }
        let rule = try #require(Self.rule(of: name), "\(name) names no check rule")
        let fires = expected.contains("[\(rule.id)]")
        if name.contains("-fails") { #expect(fires, "\(name) does not show [\(rule.id)]") }
        if name.contains("-passes") { #expect(!fires, "\(name) shows [\(rule.id)] but should pass it") }
    }

    /// The rule a fixture is about: the longest rule id whose `family-name` starts the folder name.
    static func rule(of fixture: String) -> Rule? {
        CheckPipeline.rules
            .filter { fixture.hasPrefix(slug($0) + "-fails") || fixture.hasPrefix(slug($0) + "-passes") }
            .max { $0.id.count < $1.id.count }
    }

    static func slug(_ rule: Rule) -> String { rule.id.replacingOccurrences(of: "/", with: "-") }

    @Test func everyCheckRuleHasAFailingAndAPassingFixture() {
        for rule in CheckPipeline.rules {
            let slug = Self.slug(rule)
            #expect(Self.fixtures.contains { $0.hasPrefix(slug + "-fails") }, "\(rule.id) has no failing fixture")
            #expect(Self.fixtures.contains { $0.hasPrefix(slug + "-passes") }, "\(rule.id) has no passing fixture")
        }
    }
}
