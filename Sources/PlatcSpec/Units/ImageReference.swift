/// An OCI image reference split into its parts. Parsing is syntax only; whether a digest is
/// required and which registries are allowed are policy rules.
public struct ImageReference: Hashable, Sendable, CustomStringConvertible {
    public var registry: String
    public var repository: String
    public var tag: String?
    /// `sha256:` followed by 64 lowercase hex digits.
    public var digest: String?

    /// The one digest algorithm platc accepts, and how many lowercase hex digits follow it.
    public static let digestAlgorithm = "sha256"
    public static let digestHexDigits = 64

    public static func parse(_ text: String) -> ImageReference? {
        guard !text.isEmpty, text.utf8.count <= 512, !containsWhitespace(text) else { return nil }
        var rest = Substring(text)
        var digest: String?
        if let at = rest.firstIndex(of: "@") {
            let candidate = rest[rest.index(after: at)...]
            // Bytes, not Characters: every image of every document comes through here.
            let algorithm = digestAlgorithm.utf8.count + 1
            guard candidate.hasPrefix(digestAlgorithm + ":"), candidate.utf8.count == algorithm + digestHexDigits,
                candidate.utf8.dropFirst(algorithm).allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
            else { return nil }
            digest = String(candidate)
            rest = rest[..<at]
        }
        var tag: String?
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
            let candidate = rest[rest.index(after: colon)...]
            guard !candidate.isEmpty, candidate.count <= 128,
                candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) })
            else { return nil }
            tag = String(candidate)
            rest = rest[..<colon]
        }
        let components = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard components.count >= 2, let host = components.first else { return nil }
        let hostName = host.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        guard StringFormat.isSubdomain(hostName) || hostName == "localhost" else { return nil }
        if host.contains(":"), !(host.split(separator: ":").last?.allSatisfy { $0.isASCII && $0.isNumber } ?? false) {
            return nil
        }
        guard components.dropFirst().allSatisfy(StringFormat.isPathComponent) else { return nil }
        return ImageReference(
            registry: String(host), repository: components.dropFirst().joined(separator: "/"), tag: tag, digest: digest)
    }

    /// `Character.isWhitespace`, answered from the bytes when the text is ASCII (image names are).
    private static func containsWhitespace(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.contains(where: \.isWhitespace) }
        return text.utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
    }

    public var isPinnedByDigest: Bool { digest != nil }

    public var description: String {
        "\(registry)/\(repository)" + (tag.map { ":\($0)" } ?? "") + (digest.map { "@\($0)" } ?? "")
    }
}
