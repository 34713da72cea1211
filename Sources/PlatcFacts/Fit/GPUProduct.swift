import Foundation

/// Memory CUDA reports per GPU (`cudaMemGetInfo` total), which is less than the label says.
/// vLLM's budget is a share of this number, so the fit check needs it, not the marketing size.
public struct GPUProduct: Sendable, Equatable {
    /// Lower-case model token, e.g. "h100", "a10g", "rtx3090".
    public var family: String
    /// The label's memory in GB, to tell variants apart (A100 40GB vs 80GB).
    public var labelGB: Int
    public var visibleGiB: Double
    /// Where the number comes from: a vLLM/PyTorch log, or the ratio of a sibling card.
    public var source: String

    /// Longest families first, so "a100" is tried before "a10" and "l40s" before "l4".
    public static let table: [GPUProduct] = [
        GPUProduct(family: "h100", labelGB: 80, visibleGiB: 79.18, source: "logged by vLLM (llm-d profiles)"),
        GPUProduct(family: "h100", labelGB: 94, visibleGiB: 93.10, source: "expected: 95,830 MiB × 0.994 (H100 80GB ratio)"),
        GPUProduct(family: "h200", labelGB: 141, visibleGiB: 139.81, source: "logged by PyTorch OOM messages"),
        GPUProduct(family: "b200", labelGB: 180, visibleGiB: 178.35, source: "logged by PyTorch OOM messages"),
        GPUProduct(family: "a100", labelGB: 80, visibleGiB: 79.15, source: "expected (NOTES.md)"),
        GPUProduct(family: "a100", labelGB: 40, visibleGiB: 39.39, source: "expected (NOTES.md)"),
        GPUProduct(family: "a10g", labelGB: 24, visibleGiB: 22.07, source: "expected: same 23,028 MiB board as the A10"),
        GPUProduct(family: "a10", labelGB: 24, visibleGiB: 22.07, source: "logged by vLLM (OCI A10 shape)"),
        GPUProduct(family: "l40s", labelGB: 48, visibleGiB: 44.32, source: "expected: 46,068 MiB × 0.985"),
        GPUProduct(family: "l40", labelGB: 48, visibleGiB: 44.32, source: "expected: 46,068 MiB × 0.985"),
        GPUProduct(family: "l4", labelGB: 24, visibleGiB: 22.07, source: "expected: 23,034 MiB, as the A10's 23,028 MiB (22.07 logged)"),
        GPUProduct(family: "a6000", labelGB: 48, visibleGiB: 47.54, source: "logged by PyTorch OOM messages"),
        GPUProduct(family: "rtx4090", labelGB: 24, visibleGiB: 23.55, source: "logged by vLLM (vllm#11550)"),
        GPUProduct(family: "rtx3090", labelGB: 24, visibleGiB: 23.58, source: "logged by vLLM"),
        GPUProduct(family: "rtx4060", labelGB: 8, visibleGiB: 8.00, source: "logged by vLLM"),
        GPUProduct(family: "t4", labelGB: 16, visibleGiB: 14.75, source: "logged by PyTorch OOM messages"),
        GPUProduct(family: "v100", labelGB: 32, visibleGiB: 31.74, source: "logged by PyTorch OOM messages"),
        GPUProduct(family: "v100", labelGB: 16, visibleGiB: 15.77, source: "logged by PyTorch OOM messages"),
    ]

    /// Finds a product from a GPU feature discovery label ("NVIDIA-H100-80GB-HBM3"), a marketing
    /// name ("H100 80GB", "RTX 3090") or a bare family ("l4"). With several variants and no
    /// memory in the name, `labelGiB` (the class's `memory`) picks one.
    public static func find(_ name: String, labelGiB: Double? = nil) -> GPUProduct? {
        var key = name.lowercased().filter { $0.isLetter || $0.isNumber }
        // "4x H100 80GB": the count is not part of the product.
        if let x = key.firstIndex(of: "x"), x != key.startIndex, key[..<x].allSatisfy(\.isNumber) {
            key = String(key[key.index(after: x)...])
        }
        for noise in ["nvidia", "geforce", "tesla", "quadro"] { key = key.replacingOccurrences(of: noise, with: "") }
        if key.hasPrefix("rtxa6000") { key = String(key.dropFirst(3)) }
        let families = Set(table.map(\.family)).sorted { $0.count > $1.count }
        guard let family = families.first(where: { key.hasPrefix($0) }) else { return nil }
        let variants = table.filter { $0.family == family }
        let stated = Self.statedGB(name)
        if let stated, let match = variants.first(where: { $0.labelGB == stated }) { return match }
        if let labelGiB, let match = variants.min(by: { abs(Double($0.labelGB) - labelGiB) < abs(Double($1.labelGB) - labelGiB) }) {
            return match
        }
        return variants.first
    }

    /// The memory a name states as a word of its own: "NVIDIA-A100-SXM4-40GB" → 40.
    public static func statedGB(_ name: String) -> Int? {
        let words = name.lowercased().split { !($0.isLetter || $0.isNumber) }
        return words.lazy.compactMap { word in word.hasSuffix("gb") ? Int(word.dropLast(2)) : nil }.first
    }
}
