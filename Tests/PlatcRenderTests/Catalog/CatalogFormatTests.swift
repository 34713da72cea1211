import PlatcSpec
import Testing

@testable import PlatcFacts
@testable import PlatcRender

@Suite struct CatalogFormatTests {
    @Test func grouped() {
        #expect(CatalogFormat.grouped(0) == "0")
        #expect(CatalogFormat.grouped(999) == "999")
        #expect(CatalogFormat.grouped(1000) == "1,000")
        #expect(CatalogFormat.grouped(16_384) == "16,384")
        #expect(CatalogFormat.grouped(1_234_567) == "1,234,567")
        #expect(CatalogFormat.grouped(-1000) == "-1,000")
        #expect(CatalogFormat.grouped(Int64.min) == "-9,223,372,036,854,775,808")
    }

    @Test func fixed() {
        #expect(CatalogFormat.fixed(15.04, places: 1) == "15.0")
        #expect(CatalogFormat.fixed(0.05, places: 1) == "0.1")
        #expect(CatalogFormat.fixed(2.5, places: 0) == "3")
        #expect(CatalogFormat.fixed(-0.04, places: 1) == "0.0")
        #expect(CatalogFormat.fixed(-1.25, places: 1) == "-1.3")
        #expect(CatalogFormat.fixed(7, places: 2) == "7.00")
        #expect(CatalogFormat.fixed(.nan, places: 2) == "0")
        #expect(CatalogFormat.percent(1, of: 3) == "33.33")
        #expect(CatalogFormat.percent(5, of: 0) == "0")
        #expect(CatalogFormat.percent(5, of: 4) == "100.00")
    }

    @Test func dollars() {
        #expect(CatalogFormat.dollars(USD(micros: 100_000)) == "$0.10")
        #expect(CatalogFormat.dollars(USD(micros: 5_000)) == "$0.005")
        #expect(CatalogFormat.dollars(USD(micros: 1)) == "$0.000001")
        #expect(CatalogFormat.dollars(USD(micros: 2_000_000_000)) == "$2,000")
        #expect(CatalogFormat.dollars(USD(micros: 12_500_000)) == "$12.50")
        #expect(CatalogFormat.dollars(USD(micros: 0)) == "$0.00")
    }
}
