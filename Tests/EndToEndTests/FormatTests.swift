import Foundation
import PlatcTestSupport
import Testing

/// The machine formats of `platc check`, frozen as goldens on a fixture with errors in three
/// files, and SARIF validated against the official SARIF 2.1.0 schema.
@Suite struct FormatTests {
    static let goldens = Paths.fixtures.appendingPathComponent("formats")

    func manyErrors() throws -> TemporaryPlatform {
        let platform = try TemporaryPlatform()
        try platform.overlay(Paths.badFixtures.appendingPathComponent("many-errors-across-files"))
        return platform
    }

    @Test(arguments: ["json", "github", "sarif"])
    func format(_ format: String) throws {
        let platform = try manyErrors()
        let result = try platc(["check", "--format", format], in: platform.root)
        #expect(result.exitCode == 1)
        if let diff = try Golden.compare(result.stdout, with: Self.goldens.appendingPathComponent("many-errors.\(format)")) {
            Issue.record("\(format) output changed\n\(diff)")
        }
    }

    @Test func pathsAreAsTheRootWasNamed() throws {
        let platform = try manyErrors()
        let parent = platform.root.deletingLastPathComponent()
        let result = try platc(["check", "--root", platform.root.lastPathComponent], in: parent)
        #expect(result.stdout.hasPrefix("\(platform.root.lastPathComponent)/models/tiny.yaml:5:9: error:"))
    }

    @Test func sarifValidatesAgainstTheSARIFSchema() throws {
        let platform = try manyErrors()
        let result = try platc(["check", "--format", "sarif"], in: platform.root)
        let report = platform.root.appendingPathComponent("report.sarif")
        try Data(result.stdout.utf8).write(to: report)
        let schema = try ExternalTools.sarifSchema()
        let validation = try ExternalTools.checkJSONSchema(schema, [report.path])
        #expect(validation.exitCode == 0, "\(validation.stdout)\(validation.stderr)")
    }

    @Test func textColorsOnlyWhenAsked() throws {
        let platform = try manyErrors()
        let plain = try platc(["check"], in: platform.root)
        #expect(!plain.stdout.contains("\u{1B}["))
        let colored = try platc(["check", "--color"], in: platform.root)
        #expect(colored.stdout.contains("\u{1B}[1;31merror:"))
    }
}
