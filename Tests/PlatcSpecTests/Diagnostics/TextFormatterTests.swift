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

    @Test func multiByteCharactersCountAsOneColumn() {
        let span = SourceSpan(start: SourceLocation(file: "t.yaml", line: 1, column: 9), endLine: 1, endColumn: 10)
        let text = render("name: éé x\n", Diagnostic(.error, rule: .schemaBadValue, "bad", at: span))
        #expect(text.contains("\n   |         ^\n"))
    }

    @Test func crlfSourcesShowNoCarriageReturn() {
        let span = SourceSpan(start: SourceLocation(file: "t.yaml", line: 1, column: 1), endLine: 1, endColumn: 2)
        #expect(!render("a: 1\r\n", Diagnostic(.error, rule: .yamlSyntax, "x", at: span)).contains("\r"))
    }

    @Test func summaryCounts() {
        let error = Diagnostic(.error, rule: .yamlSyntax, "x", at: nil)
        let warning = Diagnostic(.warning, rule: .yamlSyntax, "y", at: nil)
        #expect(TextFormatter.summary([error, error, warning]) == "2 errors, 1 warning")
        #expect(TextFormatter.summary([]) == "no problems")
    }
}
