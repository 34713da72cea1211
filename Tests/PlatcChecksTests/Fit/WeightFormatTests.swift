import PlatcSpec
import Testing

@testable import PlatcChecks
@testable import PlatcFacts

/// How the estimator reads a quantization method: every method it sizes is one of vLLM's, and
/// `none` (no method) is the checkpoint's own.
@Suite struct WeightFormatTests {
    @Test func everySizedMethodIsOneOfVLLMs() {
        let vocabulary = Set(EngineVocabulary.quantization.names)
        #expect(WeightFormat.checkpoints.keys.filter { !vocabulary.contains($0) }.isEmpty)
        #expect(WeightFormat.sizableMethods.contains("awq_marlin") && WeightFormat.sizableMethods.contains("gptq_marlin"))
    }

    @Test func noMethodIsTheCheckpointsOwn() throws {
        let awq: JSONValue = .object([("quant_method", .string("awq")), ("bits", .integer(4)), ("group_size", .integer(64))])
        #expect(try WeightFormat(method: nil, config: awq) == .integer(bits: 4, groupSize: 64, zeroPoints: true))
        #expect(try WeightFormat(method: "awq_marlin", config: awq) == .integer(bits: 4, groupSize: 64, zeroPoints: true))
        #expect(try WeightFormat(method: nil, config: nil) == .bits16)
        #expect(try WeightFormat(method: "fp8", config: nil) == .fp8(blockScales: false), "fp8 quantizes a 16-bit checkpoint at load")
    }

    @Test func theLibrarySpellingOfCompressedTensorsIsVLLMs() {
        let config: JSONValue = .object([("quant_method", .string("compressed_tensors"))])
        #expect(WeightFormat.declaredMethod(config) == "compressed-tensors")
        #expect(WeightFormat.declaredMethod(.object([("quant_method", .string(""))])) == nil)
    }

    @Test func aMethodPlatcCannotSizeIsNamed() {
        #expect(throws: WeightFormat.Unknown(name: "gguf")) { try WeightFormat(method: "gguf", config: nil) }
        let hqq: JSONValue = .object([("quant_method", .string("hqq"))])
        #expect(throws: WeightFormat.Unknown(name: "hqq")) { try WeightFormat(method: nil, config: hqq) }
    }
}
