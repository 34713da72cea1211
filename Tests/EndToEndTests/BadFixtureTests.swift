import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

/// Every folder under Tests/Fixtures/bad/ is laid over the minimal platform and checked by the
/// built binary: it must exit 1 and print exactly its expected.txt.
@Suite struct BadFixtureTests {
    static let fixtures = Paths.subfolders(of: Paths.badFixtures)

    @Test func thereAreAtLeastThirtyBadFixtures() {
        #expect(Self.fixtures.count >= 30)
    }

    @Test(arguments: fixtures)
    func badFixture(_ name: String) throws {
        let platform = try TemporaryPlatform()
        let fixture = Paths.badFixtures.appendingPathComponent(name)
        try platform.overlay(fixture)
        let result = try platc(["check"], in: platform.root, timeout: 30)
        #expect(result.exitCode == 1, "\(name): exit \(result.exitCode)\n\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("error:"), "\(name) printed no error")
        if let diff = try Golden.compare(result.stdout, with: fixture.appendingPathComponent("expected.txt")) {
            Issue.record("\(name): output differs from expected.txt\n\(diff)")
        }
    }

    /// Every load rule is shown failing by at least one fixture (or by a generated case below).
    @Test func everyLoadRuleHasAFailingFixture() throws {
        var seen = Set<String>()
        for name in Self.fixtures {
            let expected =
                (try? String(contentsOf: Paths.badFixtures.appendingPathComponent("\(name)/expected.txt"), encoding: .utf8)) ?? ""
            for rule in Rule.loadRules where expected.contains("[\(rule.id)]") { seen.insert(rule.id) }
        }
        let generated: Set = ["limit/file-size", "limit/file-count", "limit/object-count", "source/symlink-outside-root"]
        let missing = Rule.loadRules.map(\.id).filter { !seen.contains($0) && !generated.contains($0) }
        #expect(missing.isEmpty, "rules without a bad fixture: \(missing)")
    }
}
