import PlatcSpec
import Testing

@Suite struct TextFormatterTests {
    func render(_ source: String, _ diagnostic: Diagnostic) -> String {
        var sources = SourceFiles()
        sources.add(path: "t.yaml", text: source)
        return TextFormatter(sources: sources).format([diagnostic])
    }

    @Test func caretUnderlinesTheSpan() {
        let span = SourceSpan(start: SourceLocation(file: "t.yaml", line: 2, column: 3), endLine: 2, endColumn: 8)
        let text = render(
            "a:\n  rpmx: 1\n", Diagnostic(.error, rule: .schemaUnknownKey, "unknown key 'rpmx'", at: span, hint: "did you mean 'rpm'?"))
        #expect(
            text == """
                t.yaml:2:3: error: unknown key 'rpmx' [schema/unknown-key]
                 2 |   rpmx: 1
                   |   ^~~~~
                   = hint: did you mean 'rpm'?

                """)
    }

    /// A span over several lines underlines its first line's content, not a trailing comment,
    /// and a `#` inside quotes is content.
    @Test func aRunOnSpanStopsBeforeTheComment() {
        let span = SourceSpan(start: SourceLocation(file: "t.yaml", line: 2, column: 3), endLine: 3, endColumn: 8)
        let text = render("p:\n  image: x   # the picker\n  port: 1\n", Diagnostic(.warning, rule: .schemaBadValue, "m", at: span))
        #expect(text.contains("\n   |   ^~~~~~~~\n"))
        #expect(TextFormatter.contentEnd(Array("  a: 'x # y' # z".unicodeScalars), from: 2) == 12)
        #expect(TextFormatter.contentEnd(Array("  a: don't # z".unicodeScalars), from: 2) == 10)
    }

    /// Issue 24: a finding about a default points at the key of the object that would hold it,
    /// and says "(absent; default N)" in a note; a note at such a span says it after its message.
    @Test func anAbsentValueSaysItsDefault() {
        let key = SourceSpan(start: SourceLocation(file: "t.yaml", line: 1, column: 1), endLine: 1, endColumn: 8)
        let span = key.standingIn(path: "serving", key: "maxNumSeqs", defaultText: "256")
        let finding = Diagnostic(
            .warning, rule: .schemaBadValue, "fewer than maxNumSeqs 256", at: span, notes: [.init("256 here", at: span)])
        #expect(finding.notes.map(\.message) == ["serving.maxNumSeqs (absent; default 256)", "256 here (absent; default 256)"])
        #expect(render("serving:   # engine\n  engine: x\n", finding).contains("\n 1 | serving:   # engine\n   | ^~~~~~~\n"))
    }

    @Test func multiByteCharactersCountAsOneColumn() {
        let span = SourceSpan(start: SourceLocation(file: "t.yaml", line: 1, column: 9), endLine: 1, endColumn: 10)
        let text = render("name: éé x\n", Diagnostic(.error, rule: .schemaBadValue, "bad", at: span))
        #expect(text.contains("\n   |         ^\n"))
    }

    @Test func crlfSourcesShowNoCarriageReturn() {
        let span = SourceSpan(start: SourceLocation(file: "t.yaml", line: 1, column: 1), endLine: 1, endColumn: 2)
        #expect(!render("a: 1\r\n", Diagnostic(.error, rule: .yamlSyntax, "x", at: span)).contains("\r"))
    }

    /// A 400,000-character line (minified JSON) shows 160 characters around the span, cut with
    /// '…' on each side, and the caret still sits under the span's first character.
    @Test func aLongLineShowsAWindowAroundTheSpan() {
        let line = String(repeating: "a", count: 200_000) + "BAD" + String(repeating: "z", count: 200_000)
        let span = SourceSpan(start: SourceLocation(file: "t.yaml", line: 1, column: 200_001), endLine: 1, endColumn: 200_004)
        let lines = render(line + "\n", Diagnostic(.error, rule: .yamlSyntax, "x", at: span)).split(separator: "\n")
        let source = " 1 | …" + String(repeating: "a", count: 40) + "BAD" + String(repeating: "z", count: 117) + "…"
        #expect(lines[1] == Substring(source))
        #expect(lines[2] == Substring("   |  " + String(repeating: " ", count: 40) + "^~~"))
        // Near the start no cut is made on the left; a short line is shown whole.
        let early = SourceSpan(start: SourceLocation(file: "t.yaml", line: 1, column: 2), endLine: 1, endColumn: 3)
        #expect(
            render(line + "\n", Diagnostic(.error, rule: .yamlSyntax, "x", at: early)).contains(
                " 1 | " + String(repeating: "a", count: 160) + "…\n"))
    }

    @Test func summaryCounts() {
        let error = Diagnostic(.error, rule: .yamlSyntax, "x", at: nil)
        let warning = Diagnostic(.warning, rule: .yamlSyntax, "y", at: nil)
        #expect(TextFormatter.summary([error, error, warning]) == "2 errors, 1 warning")
        #expect(TextFormatter.summary([]) == "no problems")
    }
}
