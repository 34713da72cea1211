import PlatcSpec
import Testing

@Suite struct JSONTests {
    @Test func parsesConfigShapedJSON() throws {
        let json = try JSONParser.parse(
            Array(#"{"architectures": ["LlamaForCausalLM"], "hidden_size": 4096, "rms_norm_eps": 1e-05, "x": null, "ok": true}"#.utf8)
        ).get()
        #expect(json["hidden_size"]?.integerValue == 4096)
        #expect(json["rms_norm_eps"]?.doubleValue == 1e-05)
        #expect(json["architectures"]?.arrayValue?.first?.stringValue == "LlamaForCausalLM")
        #expect(json["x"] == .null)
    }

    @Test(
        arguments: [
            ("{\"a\": 1,}", 1, 9), ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3), ("{\"a\": 1, \"a\": 2}", 1, 10), ("[1, 2", 1, 6),
            ("{\"a\": 01}", 1, 8), ("\"\\x\"", 1, 4), ("", 1, 1), (String(repeating: "[", count: 100), 1, 65),
        ] as [(String, Int, Int)])
    func reportsWhereItFails(_ text: String, _ line: Int, _ column: Int) {
        guard case .failure(let failure) = JSONParser.parse(Array(text.utf8)) else { Issue.record("accepted \(text)"); return }
        #expect(failure.line == line && failure.column == column, "\(failure)")
    }

    @Test func escapesRoundTrip() throws {
        let value = JSONValue.object([
            ("k\"ey", .string("line\nbreak \u{1} é 😀")), ("n", .array([.integer(-1), .double(0.5), .bool(false)])),
        ])
        #expect(try JSONParser.parse(Array(value.serialized().utf8)).get() == value)
        #expect(value.serialized(pretty: false) == #"{"k\"ey":"line\nbreak \u0001 é 😀","n":[-1,0.5,false]}"#)
    }
}
