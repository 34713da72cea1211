/// A vLLM version and the memory accounting that goes with it (docs/gpu-fit.md §1.1).
public struct EngineVersion: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int

    public init(_ major: Int, _ minor: Int, _ patch: Int = 0) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Reads "0.11.0", "v0.7.3.dev233", "0.6.5.post1", "~v0.9": the leading numbers count.
    public init?(parsing text: String) {
        var rest = Substring(text.drop { $0 == "~" || $0 == "v" || $0 == "V" || $0 == " " })
        var numbers: [Int] = []
        while numbers.count < 3, let digits = Optional(rest.prefix { $0.isASCII && $0.isNumber }), !digits.isEmpty {
            guard let number = Int(digits) else { return nil }
            numbers.append(number)
            rest = rest.dropFirst(digits.count)
            guard rest.first == "." else { break }
            rest = rest.dropFirst()
        }
        guard numbers.count >= 2 else { return nil }
        self.init(numbers[0], numbers[1], numbers.count > 2 ? numbers[2] : 0)
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (a: EngineVersion, b: EngineVersion) -> Bool {
        (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
    }

    /// The V1 engine is the default from 0.8.0; before, the V0 worker profiles memory.
    public var isV1: Bool { self >= EngineVersion(0, 8) }

    /// From 0.21 the CUDA-graph memory is estimated and taken out of the budget; before, graphs
    /// are captured afterwards in the (1 − utilization) headroom.
    public var budgetsCUDAGraphs: Bool { self >= EngineVersion(0, 21) }

    /// MLA (one compressed latent per token) arrived in 0.7.1; before, DeepSeek stored K and V
    /// per head, padded to a power of two.
    public var hasMLA: Bool { self >= EngineVersion(0, 7, 1) }

    /// The hybrid KV-cache manager (sliding-window layers hold only their window) arrived with
    /// V1 in 0.10; before, every layer is charged full length.
    public var sharesKVAcrossWindows: Bool { self >= EngineVersion(0, 10) }

    /// Copies of `max_num_seqs × vocab` fp32 logits the sampler warm-up holds at its peak.
    /// 9.7 fits the v0.11 H100 profiles of five models within 0.1 GiB; V1 before 0.11 is
    /// smaller (≈ 6, from a v0.8.5 A10 profile); V0 samples once (1 copy) after the forward pass.
    public var samplerLogitCopies: Double {
        if self >= EngineVersion(0, 11) { return 9.7 }
        return isV1 ? 6 : 1
    }
}
