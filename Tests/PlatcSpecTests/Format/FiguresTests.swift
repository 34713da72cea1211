import PlatcSpec
import Testing

/// The one pluralizer, the one money format, fixed decimals and the spoken duration: every
/// surface prints through these.
@Suite struct FiguresTests {
    @Test func grouped() {
        #expect(Figures.grouped(0) == "0")
        #expect(Figures.grouped(999) == "999")
        #expect(Figures.grouped(1000) == "1,000")
        #expect(Figures.grouped(16_384) == "16,384")
        #expect(Figures.grouped(1_234_567) == "1,234,567")
        #expect(Figures.grouped(-1000) == "-1,000")
        #expect(Figures.grouped(Int64.min) == "-9,223,372,036,854,775,808")
    }

    @Test func fixed() {
        #expect(Figures.fixed(15.04, places: 1) == "15.0")
        #expect(Figures.fixed(0.05, places: 1) == "0.1")
        #expect(Figures.fixed(2.5, places: 0) == "3")
        #expect(Figures.fixed(-0.04, places: 1) == "0.0", "never negative zero")
        #expect(Figures.fixed(-1.25, places: 1) == "-1.3")
        #expect(Figures.fixed(7, places: 2) == "7.00")
        #expect(Figures.fixed(.nan, places: 2) == "0.00")
        #expect(Figures.fixed(173.125, places: 2) == "173.13", "half away from zero, whatever %.2f does")
    }

    @Test func roundedDownNeverClaimsMore() {
        let concurrency = FixedDecimal(28.6899, places: 2, rounding: .down)
        #expect(concurrency.description == "28.68")
        #expect(concurrency.value == 28.68)
        #expect(FixedDecimal(0.999, places: 2, rounding: .down).description == "0.99")
        #expect(FixedDecimal(-0.001, places: 2, rounding: .down).description == "-0.01")
    }

    @Test func dollars() {
        #expect(Figures.dollars(USD(micros: 100_000)) == "$0.10")
        #expect(Figures.dollars(USD(micros: 5_000)) == "$0.005")
        #expect(Figures.dollars(USD(micros: 1)) == "$0.000001")
        #expect(Figures.dollars(USD(micros: 2_000_000_000)) == "$2,000")
        #expect(Figures.dollars(USD(micros: 4_285_714_286)) == "$4,285.714286")
        #expect(Figures.dollars(USD(micros: 12_500_000)) == "$12.50")
        #expect(Figures.dollars(USD(micros: 0)) == "$0.00")
        #expect(Figures.dollars(USD(micros: .max)) == "more than $9,223,372,036,854")
    }

    @Test func plural() {
        #expect(Plural.counted(1, "GPU") == "1 GPU")
        #expect(Plural.counted(0, "GPU") == "0 GPUs")
        #expect(Plural.counted(Int64(3), "replica") == "3 replicas")
        #expect(Plural.noun(2, "node") == "nodes")
    }

    @Test func spokenDurations() {
        #expect(Duration(milliseconds: 250).spoken == "250 ms")
        #expect(Duration(milliseconds: 0).spoken == "0 s")
        #expect(Duration(milliseconds: 30_000).spoken == "30 s")
        #expect(Duration(milliseconds: 1_500).spoken == "1.5 s")
        #expect(Duration(milliseconds: 243_500).spoken == "4 m 3.5 s", "not 4m3s500ms")
        #expect(Duration(milliseconds: 300_000).spoken == "5 m")
        #expect(Duration(milliseconds: 5_400_000).spoken == "1 h 30 m")
        #expect(Duration(milliseconds: 3_600_005).spoken == "1 h 0.005 s")
        #expect(Duration(milliseconds: 243_500).description == "4m3s500ms", "hints keep the source spelling")
    }
}
