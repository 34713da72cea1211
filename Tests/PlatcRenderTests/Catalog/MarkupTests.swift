import PlatcSpec
import Testing

@testable import PlatcRender

/// The writers' escaping: a `String` interpolated into `Markup` is escaped, a literal or a
/// fragment is not escaped again, and only `raw:` appends a string as it is.
@Suite struct MarkupTests {
    static func html(_ value: String) -> String { ("\(value)" as HTML).text }
    static func markdown(_ value: String) -> String { ("\(value)" as MarkdownSource).text }

    /// The five characters and the entities swift-mustache's `htmlEscape` used.
    @Test func htmlEscapesTheFive() {
        #expect(Self.html("&") == "&amp;")
        #expect(Self.html("<") == "&lt;")
        #expect(Self.html(">") == "&gt;")
        #expect(Self.html("\"") == "&quot;")
        #expect(Self.html("'") == "&#39;")
        #expect(Self.html("<a href=\"x\">O'Neil & co</a>") == "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;")
        #expect(Self.html("&amp;") == "&amp;amp;", "an entity in the sources is text, shown as written")
        #expect(Self.html("{{x}} `y` |z| \n\r\t") == "{{x}} `y` |z| \n\r\t")
        #expect(Self.html("") == "")
    }

    @Test func htmlKeepsOtherTextByteForByte() {
        for text in ["plain", "日本語 × · — …", "e\u{301}", "👩‍👩‍👧", "\u{2028}\u{0}", String(repeating: "a", count: 1000)] {
            #expect(Array(Self.html(text).utf8) == Array(text.utf8))
        }
    }

    /// A quote or bracket with a combining mark after it is one Character but still the byte
    /// that ends an attribute or opens a tag: escaped (swift-mustache's per-Character table
    /// missed it).
    @Test func htmlEscapesBytesNotCharacters() {
        // Compared outside #expect: its expansion re-lexes the decoded literal, and a quote with
        // a combining mark after it does not lex.
        let cases = [
            ("\"\u{301} onmouseover=x", "&quot;\u{301} onmouseover=x"), ("'\u{20DD}", "&#39;\u{20DD}"),
            ("<\u{338}script>", "&lt;\u{338}script&gt;"),
            ("\u{600}<b>", "\u{600}&lt;b&gt;"),  // U+0600 prepends itself to the next Character
        ]
        for (value, escaped) in cases {
            let same = Array(Self.html(value).utf8) == Array(escaped.utf8)
            #expect(same, "\(value.debugDescription)")
        }
    }

    @Test func literalsFragmentsAndRaw() {
        let value = "<b>"
        let fragment: HTML = "<i>\(value)</i>"
        #expect(fragment.text == "<i>&lt;b&gt;</i>")
        let outer: HTML = "<p>\(fragment)\(raw: "<br>")\(value)</p>"
        #expect(outer.text == "<p><i>&lt;b&gt;</i><br>&lt;b&gt;</p>", "a fragment is not escaped twice")
        var appended = HTML()
        appended.append(fragment)
        appended.append("\n")
        #expect(appended.text == "<i>&lt;b&gt;</i>\n")
        let literal: HTML = "<hr>"
        #expect(literal.text == "<hr>")
    }

    /// The fast path appends a value as it is only where `MarkdownText.escape` would not change it.
    @Test func markdownIsMarkdownTextEscape() {
        let values = [
            "plain", "a|b", "line\nbreak\r\nend", "*bold* _it_ `code` [link](x) ~~s~~ # h", "back\\slash", "<b>&amp;</b>",
            "plain text, 1.5 GiB", "weights 15.0 · KV cache 55.2", "a\u{2028}b\u{2029}c", "\u{1FEF}", "|\u{301}", "", "日本語",
        ]
        for value in values { #expect(Self.markdown(value) == MarkdownText.escape(value), "\(value.debugDescription)") }
    }

    /// Every Unicode scalar the byte scan lets through is one `MarkdownText.escape` leaves alone.
    @Test func markdownFastPathHoldsForEveryScalar() {
        var plain = ""
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            if MarkdownEscaping.isPlain(text) {
                plain.unicodeScalars.append(scalar)
                plain.unicodeScalars.append("\n")
            }
        }
        #expect(plain.unicodeScalars.count > 2_000_000)
        let escaped = MarkdownText.escape(plain)
        #expect(Array(escaped.utf8) == Array(plain.replacing("\n", with: " ").utf8))
    }

    /// Values, literals and fragments are plain values: pages built on several threads at once
    /// are the same bytes.
    @Test func buildsOnEveryThread() throws {
        let view = try CatalogEscapingTests.view()
        let pages = Parallel.all((0..<4).map { _ in { @Sendable in CatalogPage.html(view) } })
        #expect(Set(pages).count == 1)
    }
}
