import Foundation
import PlatcTestSupport
import Testing

/// The catalog footer's digest equals what coreutils compute from a checkout with the command
/// docs/render-catalog.md gives, so a reader can check which sources a page came from.
@Suite struct SourceDigestCommandTests {
    static let command = """
        find platform tenants models -type f \\( -name '*.yaml' -o -name '*.yml' -o -path 'models/*.json' \\) -not -path '*/.*' \
        | LC_ALL=C sort | xargs sha256sum | sha256sum
        """

    @Test(arguments: ["default", "minimal"]) func footerMatchesCoreutils(platform: String) throws {
        let root = platform == "default" ? Paths.packageRoot : Paths.minimalPlatform
        let out = platform == "default" ? root.appendingPathComponent("out") : Paths.fixtures.appendingPathComponent("render/minimal.out")
        let shell = try run(URL(fileURLWithPath: "/bin/bash"), ["-c", Self.command], in: root)
        try #require(shell.exitCode == 0, "\(shell.stderr)")
        let expected = "sha256:" + shell.stdout.prefix(64)
        let page = try String(contentsOf: out.appendingPathComponent("catalog/index.html"), encoding: .utf8)
        #expect(page.contains("<code class=\"source-digest\">\(expected)</code>"))
        let markdown = try String(contentsOf: out.appendingPathComponent("catalog/models.md"), encoding: .utf8)
        #expect(markdown.contains("digest `\(expected)`"))
    }
}
