import PlatcSpec
import Testing

@testable import PlatcRender

/// User text is text: the minimal fixture's description carries `<script>alert(1)</script>` and
/// `"'&`, and a name can only be what the language allows, but every value goes through the
/// writers' escaping (`Markup`). The browser test (Tests/CatalogBrowser) checks the same in Chromium.
@Suite struct CatalogEscapingTests {
    static let probe = "<script>alert(1)</script> \"'&"

    static func view() throws -> CatalogView {
        let context = try RenderTestPlatform().context()
        return CatalogView(Catalog(context))
    }

    @Test func fixtureCarriesTheProbe() throws {
        #expect(try Self.view().rows[0].description.hasSuffix(Self.probe))
    }

    @Test func htmlShowsItAsText() throws {
        let page = CatalogPage.html(try Self.view())
        #expect(page.contains("Escaping probe: &lt;script&gt;alert(1)&lt;/script&gt; &quot;&#39;&amp;</td>"))
        #expect(!page.contains("alert(1)</script>"))
        #expect(page.components(separatedBy: "<script").count == 2, "only platc's own script element")
        // The filter's search text is an attribute: quotes must not end it.
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&#39;&amp; mini-serving-000 team\">"))
    }

    @Test func markdownShowsItAsText() throws {
        let markdown = CatalogMarkdown.markdown(try Self.view())
        #expect(markdown.contains("Escaping probe: &lt;script&gt;alert(1)&lt;/script&gt; \"'&amp; |"))
        #expect(!markdown.contains("<script"))
    }

    @Test func markdownEscaping() {
        func escape(_ value: String) -> String { ("\(value)" as MarkdownSource).text }
        #expect(escape("a|b") == "a\\|b")
        #expect(escape("line\nbreak\r\nend") == "line break end")
        #expect(escape("*bold* _it_ `code` [link](x) ~~s~~ # h") == "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~\\~s\\~\\~ \\# h")
        #expect(escape("back\\slash") == "back\\\\slash")
        #expect(escape("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;")
        #expect(escape("plain text, 1.5 GiB") == "plain text, 1.5 GiB")
    }

    /// The Content-Security-Policy pins the inline style and script by hash: they must be the
    /// exact bytes between the tags, or the browser would drop them.
    @Test func cspHashesMatchTheInlinedAssets() throws {
        let page = CatalogPage.html(try Self.view())
        func between(_ open: String, _ close: String) throws -> String {
            let start = try #require(page.range(of: open)).upperBound
            let end = try #require(page.range(of: close, range: start..<page.endIndex)).lowerBound
            return String(page[start..<end])
        }
        let style = try between("<style>", "</style>")
        let script = try between("<script>", "</script>")
        let policy = try between("http-equiv=\"Content-Security-Policy\" content=\"", "\"")
        #expect(policy.hasPrefix("default-src &#39;none&#39;"))
        #expect(policy.contains("style-src &#39;\(CatalogPage.hashSource(style))&#39;"))
        #expect(policy.contains("script-src &#39;\(CatalogPage.hashSource(script))&#39;"))
        #expect(!policy.contains("unsafe"))
    }
}
