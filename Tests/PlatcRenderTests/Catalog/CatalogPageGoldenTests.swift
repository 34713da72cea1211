import Foundation
import PlatcTestSupport
import Testing

@testable import PlatcRender

/// Hostile views' page and Markdown, byte for byte: seeded views with hostile text in every field
/// (`HostileViews`), empty lists and fields that disagree, and a quote with a combining mark
/// after it. The goldens were recorded when a differential test held the writers equal to the
/// Mustache templates they replaced (all but the last view, where the writer escapes a quote
/// that Mustache let through); they keep the escaping pinned.
///
/// They are Swift source (`CatalogHostileGolden.swift`), because a test target's folder holds no
/// other files; PLATC_RECORD=1 rewrites it (then build again and read the diff).
@Suite struct CatalogPageGoldenTests {
    static let goldenFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("CatalogHostileGolden.swift")

    static func views() -> [CatalogView] {
        // No NUL: Git would take the goldens for binary.
        let pool = HostileViews.hostile.filter { $0 != "\u{0}" }
        var views = (1...4).map { seed in
            var generator = HostileViews(seed: UInt64(seed), pool: pool)
            return generator.view()
        }
        var generator = HostileViews(seed: 5, pool: pool)
        let view = generator.view()
        views.append(
            CatalogView(
                title: "x\"\u{301} onmouseover=alert(1)", description: "<\u{338}script>'\u{20DD}", gatewayHost: view.gatewayHost,
                inClusterURL: view.inClusterURL, counts: view.counts,
                rows: view.rows, tenants: view.tenants, statuses: view.statuses, gpuClasses: view.gpuClasses,
                capacities: view.capacities, ladder: view.ladder, digest: view.digest, fileCount: view.fileCount))
        return views
    }

    /// The page without the stylesheet, the script and the policy that hashes them, which change
    /// for reasons of their own.
    static func page(_ view: CatalogView) -> String {
        CatalogPage.html(view).replacing(CatalogStyle.css, with: "/* CatalogStyle.css */")
            .replacing(CatalogScript.javascript, with: "/* CatalogScript.javascript */")
            .replacing(("\(CatalogPage.contentSecurityPolicy)" as HTML).text, with: "(CatalogPage.contentSecurityPolicy)")
    }

    static var html: String { views().map(page).joined(separator: "<!-- next view -->\n") }
    static var markdown: String { views().map(CatalogMarkdown.markdown).joined(separator: "<!-- next view -->\n") }

    @Test func pageAndMarkdown() throws {
        let html = Self.html, markdown = Self.markdown
        if Golden.recording {
            try Data(GoldenSource.swift(html: html, markdown: markdown).utf8).write(to: Self.goldenFile)
            return
        }
        let expectedHTML = CatalogHostileGolden.html.joined(), expectedMarkdown = CatalogHostileGolden.markdown.joined()
        if Array(html.utf8) != Array(expectedHTML.utf8) {
            Issue.record("\(Golden.unifiedDiff(expectedHTML, html, name: "hostile index.html"))")
        }
        if Array(markdown.utf8) != Array(expectedMarkdown.utf8) {
            Issue.record("\(Golden.unifiedDiff(expectedMarkdown, markdown, name: "hostile models.md"))")
        }
    }
}

/// The golden as Swift: ASCII string literals (other scalars as `\u{…}`), one or more per line of
/// the text, none longer than the format's line length.
enum GoldenSource {
    static func swift(html: String, markdown: String) -> String {
        """
        // Recorded by CatalogPageGoldenTests with PLATC_RECORD=1: do not edit by hand.
        // swift-format-ignore-file

        /// A hostile view's page and Markdown, as `CatalogPageGoldenTests` pins them.
        enum CatalogHostileGolden {
            static let html: [String] = [
        \(literals(html))    ]

            static let markdown: [String] = [
        \(literals(markdown))    ]
        }

        """
    }

    static func literals(_ text: String) -> String {
        var lines = "", chunk = ""
        func flush() {
            if !chunk.isEmpty { lines += "        \"\(chunk)\",\n" }
            chunk = ""
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": chunk += "\\\\"
            case "\"": chunk += "\\\""
            case "\n": chunk += "\\n"
            case "\r": chunk += "\\r"
            case "\t": chunk += "\\t"
            case " "..."~": chunk.unicodeScalars.append(scalar)
            default: chunk += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
            if scalar == "\n" || chunk.count >= 100 { flush() }
        }
        flush()
        return lines
    }
}
