/// A vLLM version, as `serving.engine.version` pins it. What depends on it: the memory accounting
/// (docs/gpu-fit.md §1.1, PlatcChecks) and the engine's vocabulary (`EngineVocabulary`).
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
}
