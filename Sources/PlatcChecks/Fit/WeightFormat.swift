import Foundation
import PlatcSpec

/// How vLLM stores a checkpoint's quantizable weights, from `quantization_config` (or the model
/// file's `quantization`, which wins). Bytes per parameter include the quantizer's scales and
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

    /// The quantization names platc understands (vLLM `--quantization` values and aliases).
    public static let names = [
        "none", "awq", "awq_marlin", "gptq", "gptq_marlin", "marlin", "fp8", "fbgemm_fp8", "modelopt", "bitsandbytes", "mxfp4", "aqlm",
        "compressed-tensors",
    ]

    public struct Unknown: Error, Sendable, Equatable { public var name: String }

    /// `override` is the model file's or the command line's name; `config` the checkpoint's
    /// quantization_config. Its numbers (bits, group size) are used when the methods agree.
    public init(override: String?, config: JSONValue?) throws(Unknown) {
        let declared = config?["quant_method"]?.stringValue?.lowercased()
        let method = override.flatMap { $0 == "none" ? nil : $0.lowercased() } ?? declared
        guard let method else {
            self = .bits16
            return
        }
        let settings = Self.family(method) == declared.map(Self.family) ? config : nil
        switch method {
        case "awq", "awq_marlin", "gptq", "gptq_marlin", "marlin":
            let bits = settings?["bits"]?.integerValue ?? settings?["w_bit"]?.integerValue ?? 4
            let group = settings?["group_size"]?.integerValue ?? settings?["q_group_size"]?.integerValue ?? 128
            self = .integer(bits: Int(bits), groupSize: group > 0 ? Int(group) : 0, zeroPoints: true)
        case "fp8", "fbgemm_fp8", "modelopt":
            self = .fp8(blockScales: settings?["weight_block_size"] != nil)
        case "bitsandbytes":
            self = .bitsandbytes(bits: settings?["load_in_8bit"] == .bool(true) ? 8 : 4)
        case "mxfp4":
            self = .mxfp4
        case "aqlm":
            self = .aqlm(
                codebooks: Int(settings?["num_codebooks"]?.integerValue ?? 1),
                bitsPerCodebook: Int(settings?["nbits_per_codebook"]?.integerValue ?? 16),
                inGroup: Int(settings?["in_group_size"]?.integerValue ?? 8), outGroup: Int(settings?["out_group_size"]?.integerValue ?? 1))
        case "compressed-tensors":
            self = Self.compressedTensors(settings)
        default:
            throw Unknown(name: method)
        }
    }

    /// Marlin kernels read the same checkpoints as their method.
    static func family(_ method: String) -> String { method.replacingOccurrences(of: "_marlin", with: "") }

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
