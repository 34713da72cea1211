import Foundation
import PlatcSpec

/// How vLLM stores a checkpoint's quantizable weights, from `quantization_config` (or the model
/// file's `quantization` method, which wins; `none` is no method). Bytes per parameter include the quantizer's scales and
/// zero points; embeddings, biases and norms stay 16-bit whatever the format (docs/gpu-fit.md §1.4).
public enum WeightFormat: Sendable, Equatable {
    /// bf16/fp16: vLLM loads float32 checkpoints as 16-bit too unless --dtype says otherwise.
    case bits16
    /// FP8 weights; block-wise checkpoints carry one fp32 scale per 128×128 block.
    case fp8(blockScales: Bool)
    /// AWQ/GPTQ/compressed-tensors integer groups: fp16 scales per group, packed zero points.
    case integer(bits: Int, groupSize: Int, zeroPoints: Bool)
    /// bitsandbytes: NF4 with double-quantized absmax per 64 weights, or LLM.int8.
    case bitsandbytes(bits: Int)
    /// gpt-oss MXFP4: experts at 4 bits plus an 8-bit scale per 32 (4.25 bits); the rest 16-bit.
    case mxfp4
    /// AQLM additive codebooks: `codebooks × bitsPerCodebook` bits per group of in×out weights,
    /// plus each matrix's fp16 codebooks.
    case aqlm(codebooks: Int, bitsPerCodebook: Int, inGroup: Int, outGroup: Int)

    /// The checkpoint format each vLLM method reads, by which platc sizes it (the methods
    /// themselves are `EngineVocabulary.quantization`; a test holds every key to it). A method
    /// missing here is one platc cannot size: fit/unknown-architecture says so.
    static let checkpoints: [String: Checkpoint] = [
        "awq": .awq, "awq_marlin": .awq, "auto_awq": .awq, "cpu_awq": .awq,
        "gptq": .gptq, "gptq_marlin": .gptq, "auto_gptq": .gptq, "gptq_bitblas": .gptq, "cpu_gptq": .gptq,
        "marlin": .marlin,
        "fp8": .fp8, "fbgemm_fp8": .fp8, "modelopt": .fp8, "ptpc_fp8": .fp8,
        "bitsandbytes": .bitsandbytes, "mxfp4": .mxfp4, "aqlm": .aqlm, "compressed-tensors": .compressedTensors,
    ]

    /// Checkpoint formats: methods of one format read the same `quantization_config` numbers.
    enum Checkpoint: Sendable { case awq, gptq, marlin, fp8, bitsandbytes, mxfp4, aqlm, compressedTensors }

    /// The vLLM methods platc can size, sorted.
    public static var sizableMethods: [String] { checkpoints.keys.sorted() }

    public struct Unknown: Error, Sendable, Equatable { public var name: String }

    /// The checkpoint's own method, as vLLM reads `quant_method`: lowercased, with the library
    /// spelling `compressed_tensors` normalised (vLLM config/model.py, `_verify_quantization`).
    public static func declaredMethod(_ config: JSONValue?) -> String? {
        guard let method = config?["quant_method"]?.stringValue?.lowercased(), !method.isEmpty else { return nil }
        return method.replacingOccurrences(of: "compressed_tensors", with: "compressed-tensors")
    }

    /// The method the model's config.json declares, if any.
    public static func declaredMethod(of model: Model) -> String? {
        declaredMethod(ModelArchitecture.quantizationConfig(of: model.config.json))
    }

    /// `method` is the model file's or the command line's --quantization (nil: none); `config`
    /// the checkpoint's quantization_config, whose numbers (bits, group size) are used when both
    /// name the same checkpoint format. Without a method vLLM loads the checkpoint as declared.
    public init(method: String?, config: JSONValue?) throws(Unknown) {
        let declared = Self.declaredMethod(config)
        guard let method = method?.lowercased() ?? declared else {
            self = .bits16
            return
        }
        guard let checkpoint = Self.checkpoints[method] else { throw Unknown(name: method) }
        let settings = checkpoint == declared.flatMap({ Self.checkpoints[$0] }) ? config : nil
        switch checkpoint {
        case .awq, .gptq, .marlin:
            let bits = settings?["bits"]?.integerValue ?? settings?["w_bit"]?.integerValue ?? 4
            let group = settings?["group_size"]?.integerValue ?? settings?["q_group_size"]?.integerValue ?? 128
            self = .integer(bits: Int(bits), groupSize: group > 0 ? Int(group) : 0, zeroPoints: true)
        case .fp8:
            self = .fp8(blockScales: settings?["weight_block_size"] != nil)
        case .bitsandbytes:
            self = .bitsandbytes(bits: settings?["load_in_8bit"] == .bool(true) ? 8 : 4)
        case .mxfp4:
            self = .mxfp4
        case .aqlm:
            self = .aqlm(
                codebooks: Int(settings?["num_codebooks"]?.integerValue ?? 1),
                bitsPerCodebook: Int(settings?["nbits_per_codebook"]?.integerValue ?? 16),
                inGroup: Int(settings?["in_group_size"]?.integerValue ?? 8), outGroup: Int(settings?["out_group_size"]?.integerValue ?? 1))
        case .compressedTensors:
            self = Self.compressedTensors(settings)
        }
    }

    /// compressed-tensors names its scheme per config group: 8-bit float is FP8, integers are
    /// grouped (or per-channel when the strategy is not "group").
    static func compressedTensors(_ config: JSONValue?) -> WeightFormat {
        guard case .object(let groups)? = config?["config_groups"], let weights = groups.first?.1["weights"] else { return .bits16 }
        let bits = Int(weights["num_bits"]?.integerValue ?? 16)
        if weights["type"]?.stringValue == "float" { return bits <= 8 ? .fp8(blockScales: weights["block_structure"] != nil) : .bits16 }
        guard bits < 16 else { return .bits16 }
        let group = weights["strategy"]?.stringValue == "group" ? Int(weights["group_size"]?.integerValue ?? 128) : 0
        return .integer(bits: bits, groupSize: group, zeroPoints: weights["symmetric"] == .bool(false))
    }

    /// Bytes per dense linear weight (attention and dense MLP).
    public var linearBytes: Double {
        switch self {
        case .bits16, .mxfp4: 2
        case .fp8(let blockScales): 1 + (blockScales ? 4.0 / (128 * 128) : 0)
        case .integer(let bits, let group, let zeros):
            Double(bits) / 8 + (group > 0 ? (2 + (zeros ? Double(bits) / 8 : 0)) / Double(group) : 0)
        case .bitsandbytes(let bits): bits == 8 ? 1 : 0.5 + 1.0 / 64 + 4.0 / (64 * 256)
        case .aqlm(let codebooks, let bitsPerCodebook, let inGroup, let outGroup):
            Double(codebooks * bitsPerCodebook) / Double(8 * inGroup * outGroup)
        }
    }

    /// Bytes per expert weight: MXFP4 quantizes only the experts.
    public var expertBytes: Double { self == .mxfp4 ? 4.25 / 8 : linearBytes }

    /// Fixed bytes per weight matrix (AQLM's fp16 codebooks).
    public var bytesPerMatrix: Double {
        guard case .aqlm(let codebooks, let bitsPerCodebook, let inGroup, let outGroup) = self else { return 0 }
        return Double(codebooks) * Double(1 << bitsPerCodebook) * Double(inGroup * outGroup) * 2
    }

    /// bitsandbytes de-quantizes each layer to 16-bit in the forward pass: scratch the profile sees.
    public var dequantizesInForward: Bool { if case .bitsandbytes = self { true } else { false } }
}
