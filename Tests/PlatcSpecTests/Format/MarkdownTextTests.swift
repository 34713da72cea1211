import PlatcSpec
import Testing

/// Markdown escaping works on Unicode scalars: a markup character followed by a combining mark
/// is one Swift Character, and escaping per Character let it through.
@Suite struct MarkdownTextTests {
    @Test func markupFollowedByACombiningMarkIsStillEscaped() {
        #expect(MarkdownText.escape("a|\u{301}b") == "a\\|\u{301}b")
        #expect(MarkdownText.escape("<\u{301}x") == "&lt;\u{301}x")
        #expect(MarkdownText.escapeHTML("\"\u{301}") == "&quot;\u{301}")
    }

    @Test func lineBreaksBecomeOneSpaceEach() {
        #expect(MarkdownText.escape("a\r\nb\nc\rd\u{2028}e") == "a b c d e")
        #expect(MarkdownText.escapeHTML("a\r\nb\nc") == "a b c")
    }

    @Test func aFenceOutrunsBackticksWithCombiningMarks() {
        #expect(MarkdownText.fence(for: "``\u{301}`") == "```")
        #expect(MarkdownText.fence(for: "x````\u{301}") == "`````")
    }
}
