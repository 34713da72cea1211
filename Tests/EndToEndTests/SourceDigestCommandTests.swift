import Foundation
import PlatcTestSupport
import Testing

/// The catalog footer's digest is what `platc digest` prints, and coreutils recompute it from
/// `platc digest --listing`, as docs/render-catalog.md tells a reader to.
@Suite struct SourceDigestCommandTests {
    @Test(arguments: ["default", "minimal"]) func footerIsTheDigestCommand(platform: String) throws {
        let root = platform == "default" ? Paths.packageRoot : Paths.minimalPlatform
        let out = platform == "default" ? root.appendingPathComponent("out") : Paths.fixtures.appendingPathComponent("render/minimal.out")
        let digest = try platc(["digest"], in: root)
        try #require(digest.exitCode == 0, "\(digest.stderr)")
        let expected = digest.stdout.trimmingCharacters(in: .newlines)
        #expect(expected.wholeMatch(of: /sha256:[0-9a-f]{64}/) != nil)
        let shell = try run(
            URL(fileURLWithPath: "/bin/bash"), ["-c", "set -o pipefail; \"$0\" digest --listing | sha256sum", Paths.platcBinary.path],
            in: root)
        try #require(shell.exitCode == 0, "\(shell.stderr)")
        #expect("sha256:" + shell.stdout.prefix(64) == expected)
        let page = try String(contentsOf: out.appendingPathComponent("catalog/index.html"), encoding: .utf8)
        #expect(page.contains("<code class=\"source-digest\">\(expected)</code>"))
        let markdown = try String(contentsOf: out.appendingPathComponent("catalog/models.md"), encoding: .utf8)
        #expect(markdown.contains("digest `\(expected)`"))
    }

    /// Each entry's listed hash is the SHA-256 of the canonical text `--canonical` prints.
    @Test func canonicalTextsHashToTheListing() throws {
        let listing = try platc(["digest", "--listing"], in: Paths.minimalPlatform)
        let canonical = try platc(["digest", "--canonical"], in: Paths.minimalPlatform)
        try #require(listing.exitCode == 0 && canonical.exitCode == 0)
        let lines = canonical.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        for (line, listed) in zip(lines, listing.stdout.split(separator: "\n")) {
            let parts = line.split(separator: "\t", maxSplits: 1)
            let hashed = try run(
                URL(fileURLWithPath: "/bin/bash"), ["-c", "printf '%s\\n' \"$0\" | sha256sum", String(parts[1])], in: nil)
            #expect(listed == "\(hashed.stdout.prefix(64))  \(parts[0])")
        }
    }

    @Test func sourcesThatDoNotLoadHaveNoDigest() throws {
        let copy = try TemporaryPlatform()
        try copy.write("tenants/team.yaml", "apiVersion: platc.dev/v1alpha1\nkind: Tenant\nname: team\nrateLimit: 1\n")
        let result = try platc(["digest", "--root", copy.root.path])
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown key 'rateLimit' in Tenant [schema/unknown-key]"))
        #expect(result.stderr.contains("platc: error: the sources do not load; there is no digest"))
    }
}
