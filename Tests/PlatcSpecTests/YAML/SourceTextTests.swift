import PlatcSpec
import Testing

@Suite struct SourceTextTests {
    @Test func bomIsDropped() throws {
        let text = try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), file: "f").get()
        #expect(text.text == "a: 1\n")
    }

    @Test func invalidUTF8IsLocated() {
        guard case .failure(let error) = SourceText.decode(Array("a: 1\nb: caf".utf8) + [0xE9, 0x0A], file: "f") else {
            Issue.record("accepted Latin-1"); return
        }
        #expect(error.location == SourceLocation(file: "f", line: 2, column: 7))
    }

    @Test func tabsInIndentationAreFoundPerLine() throws {
        let text = try SourceText.decode(Array("a:\n\tb: 1\n  \tc: 2\nd: \"x\ty\"\n".utf8), file: "f").get()
        #expect(text.tabIndentation(file: "f").map(\.line) == [2, 3])
        #expect(text.tabIndentation(file: "f").map(\.column) == [1, 3])
    }
}
