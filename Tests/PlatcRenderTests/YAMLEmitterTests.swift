import Testing

@testable import PlatcRender

@Suite struct YAMLEmitterTests {
    func text(_ value: YAMLValue) throws -> String { String(decoding: try YAMLEmitter.emit(value), as: UTF8.self) }

    @Test func writesMapsInOrderAndLeavesOutNils() throws {
        let absent: String? = nil
        let value: YAMLValue = [
            "apiVersion": "v1", "kind": "Namespace",
            "metadata": ["name": "search", "namespace": absent.map(YAMLValue.string), "labels": .sortedMap([("b", "2"), ("a", "1")])],
            "spec": ["list": [1, true, "x", .decimal("0.9")], "empty": [:], "none": []],
        ]
        #expect(
            try text(value) == """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: search
                  labels:
                    a: '1'
                    b: '2'
                spec:
                  list:
                  - 1
                  - true
                  - x
                  - 0.9
                  empty: {}
                  none: []

                """)
    }

    @Test(arguments: [
        ("yes", "'yes'"), ("on", "'on'"), ("null", "'null'"), ("", "''"), ("1.33", "'1.33'"), ("0x1F", "'0x1F'"),
        ("1:30", "'1:30'"), ("2026-01-05", "'2026-01-05'"), ("1e3", "'1e3'"), ("-5", "'-5'"), (".inf", "'.inf'"),
        ("24Gi", "24Gi"), ("500m", "500m"), ("llm-serving", "llm-serving"), ("a: b", "'a: b'"), ("#x", "'#x'"),
        ("--model", "--model"), ("- x", "'- x'"), ("sha256:abc", "sha256:abc"), ("@x", "'@x'"), ("v1.2", "v1.2"),
        ("1.2.3", "'1.2.3'"), ("1_000", "'1_000'"), ("e3", "e3"), ("x\ny", "|-\n  x\n  y"),
    ])
    func quotesWhatWouldNotReadBackAsAString(plain: String, emitted: String) throws {
        #expect(try text(["k": .string(plain)]) == "k: \(emitted)\n")
    }
}
