import PlatcSpec
import Testing

@Suite struct YAMLComposerTests {
    func compose(_ text: String, limits: YAMLComposer.Limits = .init()) -> YAMLComposer.Result {
        YAMLComposer(file: "t.yaml", limits: limits).compose(Array(text.utf8))
    }

    @Test func marksAreOneBasedAndSpanTheScalar() throws {
        let result = compose("a:\n  bb: hello\n")
        guard case .mapping(let top) = try #require(result.root).content, case .mapping(let inner) = top[0].value.content
        else { Issue.record("not a mapping"); return }
        let value = inner[0].value
        #expect(value.span.start == SourceLocation(file: "t.yaml", line: 2, column: 7))
        #expect(value.span.endColumn == 12)
    }

    /// Issue 24: a span ends at its value's last character, never in a trailing comment: plain,
    /// quoted and flow values by libyaml's end mark; a block collection with its last item (libyaml
    /// would end it where the next token starts, past comments and blank lines).
    @Test func spansEndBeforeTrailingComments() throws {
        let result = compose("a: 400    # many\nb: \"q\"  # c\nc: {x: 1}   # f\nd:\n  e: 1  # inner\n  # more\n\nf: 2\n")
        guard case .mapping(let pairs) = try #require(result.root).content else { Issue.record("not a mapping"); return }
        let ends = pairs.map { ($0.value.span.endLine, $0.value.span.endColumn) }
        #expect(ends[0] == (1, 7))
        #expect(ends[1] == (2, 7))
        #expect(ends[2] == (3, 10))
        #expect(ends[3] == (5, 7), "the block mapping ends with `e: 1`, not at `f:`")
    }

    @Test func duplicateKeyPointsAtTheSecondOccurrence() {
        let result = compose("a: 1\nb: 2\na: 3\n")
        #expect(result.root != nil)
        guard case .duplicateKey(let key, let span, let first) = result.problems.first else {
            Issue.record("no duplicate reported: \(result.problems)"); return
        }
        #expect(key == "a")
        #expect(span.start.line == 3)
        #expect(first.start.line == 1)
    }

    @Test func billionLaughsStopsAtTheBudget() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<12 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let result = compose(text)
        #expect(result.root == nil)
        guard case .aliasExpansion = result.problems.first else { Issue.record("\(result.problems)"); return }
    }

    @Test func smallAliasesAreFine() throws {
        let result = compose("base: &b {x: 1}\ncopy: *b\n")
        #expect(result.problems.isEmpty)
        // root 1 + key 1 + base {x: 1} 3 + key 1 + the alias, expanded, 3
        #expect(try #require(result.root).weight == 9)
    }

    @Test func nestingDepthIsBounded() {
        let result = compose(String(repeating: "[", count: 100) + String(repeating: "]", count: 100))
        guard case .nestingDepth(64, _) = result.problems.first else { Issue.record("\(result.problems)"); return }
    }

    @Test func oneDocumentPerFile() {
        guard case .multipleDocuments(let span) = compose("a: 1\n---\nb: 2\n").problems.first else { Issue.record("accepted"); return }
        #expect(span.start.line == 2)
    }

    @Test(arguments: ["", "# only a comment\n", "---\n", "\n\n"])
    func emptyFiles(_ text: String) {
        guard case .empty = compose(text).problems.first else { Issue.record("'\(text)' not empty"); return }
    }

    @Test func syntaxErrorsCarryAPosition() {
        guard case .syntax(let message, let span) = compose("a: [1, 2\nb: 3\n").problems.first else { Issue.record("accepted"); return }
        #expect(message.contains("did not find expected"))
        #expect(span.start.line == 2)
    }

    @Test func crlfGivesTheSameLines() throws {
        let lf = compose("a: 1\nb:\n  c: x\n"), crlf = compose("a: 1\r\nb:\r\n  c: x\r\n")
        guard case .mapping(let x) = try #require(lf.root).content, case .mapping(let y) = try #require(crlf.root).content else {
            Issue.record("not mappings"); return
        }
        #expect(x.map(\.value.span.start) == y.map(\.value.span.start))
    }

    @Test func scalarStylesAreKept() throws {
        guard case .mapping(let pairs) = try #require(compose("a: '1'\nb: 1\nc: |\n  text\n").root).content else { return }
        guard case .scalar(_, .singleQuoted) = pairs[0].value.content, case .scalar(_, .plain) = pairs[1].value.content,
            case .scalar("text\n", .literal) = pairs[2].value.content
        else { Issue.record("styles lost"); return }
    }
}
