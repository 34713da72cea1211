import Foundation
import PlatcChecks
import PlatcFacts
import PlatcSpec

/// One row of vllm-measured.csv read as what a user would pass to `platc fit`: the config, the
/// GPU, the engine version, TP, the quantization named in `dtype_or_quant`, utilization, context.
struct MeasuredRow: CustomStringConvertible {
    var row: [String: String]
    var inputs: FitInputs
    var engine: EngineVersion
    /// The row does not say which vLLM it ran: 0.11 is assumed (weights do not depend on it).
    var engineAssumed: Bool

    var model: String { row["model", default: ""] }
    var measuredWeights: Double? { Self.number(row["weights_gib"]) }
    var measuredKV: Double? { Self.number(row["kv_cache_gib"]) }
    var measuredBlocks: Int? { Self.number(row["gpu_blocks"]).map { Int($0) } }
    var description: String {
        "\(model) on \(row["gpu", default: ""]) (vLLM \(engine), TP\(inputs.tensorParallel), \(row["dtype_or_quant", default: ""]))"
    }

    /// vLLM refused to start: no blocks, negative KV, or the notes say start-up was refused/fails.
    var started: Bool {
        let notes = row["notes", default: ""]
        if notes.contains("startup refused") || notes.contains("startup fails") { return false }
        if measuredBlocks == 0 { return false }
        return (measuredKV ?? 1) > 0
    }

    /// nil for rows without a config file (they cannot be predicted from config.json).
    init?(_ row: [String: String]) throws {
        guard let file = row["config_file"], !file.isEmpty else { return nil }
        self.row = row
        let architecture = try FitTestData.architecture(file)
        let stated = Self.version(row["vllm_version", default: ""])
        engine = stated ?? EngineVersion(0, 11)
        engineAssumed = stated == nil
        let gpu = row["gpu", default: ""]
        let product = GPUProduct.find(gpu)
        // "80GB-class": no product named; take the label at the H100's visible/label ratio.
        let visible = Self.number(row["gpu_mem_gib"]) ?? product?.visibleGiB ?? Double(GPUProduct.statedGB(gpu) ?? 80) * 79.18 / 80
        let quantWord = row["dtype_or_quant", default: ""].split(separator: " ").first.map(String.init) ?? ""
        let quantization = EngineVocabulary.quantization.term(quantWord) != nil ? quantWord : nil
        inputs = FitInputs(
            architecture: architecture, weightFormat: try WeightFormat(method: quantization, config: architecture.quantizationConfig),
            visibleGiB: visible, gpuFamily: product?.family, utilization: Self.number(row["gpu_memory_utilization"]) ?? 0.9,
            maxModelLen: Int(Self.number(row["max_model_len"]) ?? 4096), tensorParallel: Int(Self.number(row["tp"]) ?? 1),
            kvBytes: row["dtype_or_quant", default: ""].contains("kv fp8") ? 1 : 2, engine: engine,
            blockSize: Self.number(row["block_size"]).map { Int($0) },
            chunkedAttentionInHybridManager: row["notes", default: ""].contains("\(FitRequest.chunkedHybridVariable)=1"))
    }

    /// The leading number of a cell: "0.90 (default)" → 0.9.
    static func number(_ cell: String?) -> Double? {
        guard let cell else { return nil }
        let prefix = cell.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber || $0 == "." || $0 == "-" }
        return Double(prefix)
    }

    /// The first "major.minor[.patch]" in the cell: "V0 engine ~v0.7 (…)" → 0.7.0.
    static func version(_ cell: String) -> EngineVersion? {
        let characters = Array(cell)
        for start in characters.indices where characters[start].isNumber && (start == 0 || !characters[start - 1].isNumber) {
            if let version = EngineVersion(parsing: String(characters[start...])) { return version }
        }
        return nil
    }
}
