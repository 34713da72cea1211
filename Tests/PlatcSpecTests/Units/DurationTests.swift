import PlatcSpec
import Testing

@Suite struct DurationTests {
    @Test(
        arguments: [
            ("250ms", 250), ("30s", 30_000), ("5m", 300_000), ("1h", 3_600_000), ("1m30s", 90_000), ("0s", 0),
            ("1h1m1s1ms", 3_661_001),
        ] as [(String, Int64)])
    func parses(_ text: String, _ milliseconds: Int64) throws {
        #expect(try Duration.parse(text).get().milliseconds == milliseconds)
    }

    @Test(arguments: ["30", "30 s", "1.5s", "5min", "-5s", "", "s", "h1", "30S", "99999999999999999999h", "100001h"])
    func refuses(_ text: String) {
        #expect(throws: UnitError.self) { try Duration.parse(text).get() }
    }

    @Test func bareNumberHintSuggestsSeconds() {
        guard case .failure(let error) = Duration.parse("300") else { Issue.record("accepted 300"); return }
        #expect(error.hint.contains("300s"))
    }

    @Test(arguments: [(90_000, "1m30s"), (1500, "1s500ms"), (0, "0s"), (3_600_000, "1h")] as [(Int64, String)])
    func describesExactly(_ milliseconds: Int64, _ text: String) {
        #expect(Duration(milliseconds: milliseconds).description == text)
    }
}
