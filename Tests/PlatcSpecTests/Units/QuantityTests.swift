import PlatcSpec
import Testing

@Suite struct QuantityTests {
    @Test(
        arguments: [
            ("24Gi", Int64(24) << 30), ("512Mi", Int64(512) << 20), ("1Ki", 1024), ("80G", 80_000_000_000), ("1000", 1000),
            ("1.5Gi", Int64(3) << 29), ("1Ti", Int64(1) << 40),
        ] as [(String, Int64)])
    func memory(_ text: String, _ bytes: Int64) throws {
        #expect(try Quantity.parse(text, kind: .memory).get().value == bytes)
    }

    @Test func visibleH100MemoryIsExactToTheThousandth() throws {
        let quantity = try Quantity.parse("79.18Gi", kind: .memory).get()
        #expect(quantity.milliValue == 79_180 * (Int64(1) << 30))
        #expect(abs(quantity.gibibytes - 79.18) < 1e-9)
    }

    @Test(arguments: ["24GB", "24gb", "24 Gi", "Gi", "-1Gi", "1.2345Gi", "1e3", "99999999999999Pi", "24Gib", ""])
    func refusesMemory(_ text: String) {
        #expect(throws: UnitError.self) { try Quantity.parse(text, kind: .memory).get() }
    }

    @Test func suggestsBinarySuffix() {
        guard case .failure(let error) = Quantity.parse("24GB", kind: .memory) else { Issue.record("accepted"); return }
        #expect(error.hint.hasPrefix("did you mean 24Gi?"))
    }

    @Test(arguments: [("500m", 500), ("4", 4000), ("0.5", 500), ("16", 16_000)] as [(String, Int64)])
    func cpu(_ text: String, _ millicores: Int64) throws {
        #expect(try Quantity.parse(text, kind: .cpu).get().milliValue == millicores)
    }

    @Test(arguments: ["4 cores", "500mi", "1Gi", "m", "0.0001", "-1"])
    func refusesCPU(_ text: String) {
        #expect(throws: UnitError.self) { try Quantity.parse(text, kind: .cpu).get() }
    }
}
