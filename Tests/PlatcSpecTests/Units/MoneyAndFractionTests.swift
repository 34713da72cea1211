import PlatcSpec
import Testing

@Suite struct USDTests {
    @Test(arguments: [("500", 500_000_000), ("0.15", 150_000), ("0.000001", 1), ("1500.5", 1_500_500_000), ("0", 0)] as [(String, Int64)])
    func parsesExactly(_ text: String, _ micros: Int64) throws {
        #expect(try USD.parse(text).get().micros == micros)
    }

    @Test(arguments: ["$50", "-5", "0.0000001", "1,000", "abc", "", "1e3", "10000000000000"])
    func refuses(_ text: String) {
        #expect(throws: UnitError.self) { try USD.parse(text).get() }
    }

    @Test func printsWithoutTrailingZeros() {
        #expect(USD(micros: 150_000).description == "0.15")
        #expect(USD(micros: 1_500_000_000).description == "1500")
    }
}

@Suite struct FractionTests {
    @Test(arguments: [("0.9", 900_000), ("1", 1_000_000), ("0.000001", 1), ("1.0", 1_000_000)] as [(String, Int64)])
    func parses(_ text: String, _ millionths: Int64) throws {
        #expect(try Fraction.parse(text).get().millionths == millionths)
    }

    @Test(arguments: ["0", "1.2", "90%", "-0.5", "0.0000001", "half", ""])
    func refuses(_ text: String) {
        #expect(throws: UnitError.self) { try Fraction.parse(text).get() }
    }

    @Test func percentHintGivesTheFraction() {
        guard case .failure(let error) = Fraction.parse("85%") else { Issue.record("accepted"); return }
        #expect(error.hint == "write it as a fraction, 0.85")
    }
}
