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
        // Bytes, not Characters: every image of every document comes through here. Every part
        // (host, path, tag, digest) is ASCII, so a reference with any other byte is no reference.
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 512, bytes.allSatisfy({ $0 < 0x80 }),
            !bytes.contains(where: { $0 == 0x20 || (0x09...0x0D).contains($0) })
        else { return nil }
        var end = bytes.count
        var digest: String?
        if let at = bytes.firstIndex(of: UInt8(ascii: "@")) {
            let candidate = bytes[(at + 1)...]
            let algorithm = Array((digestAlgorithm + ":").utf8)
            guard candidate.starts(with: algorithm), candidate.count == algorithm.count + digestHexDigits,
                candidate.dropFirst(algorithm.count).allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
            else { return nil }
            digest = String(decoding: candidate, as: UTF8.self)
            end = at
        }
        var tag: String?
        let name = bytes[..<end]
        if let colon = name.lastIndex(of: UInt8(ascii: ":")), !name[colon...].contains(UInt8(ascii: "/")) {
            let candidate = name[(colon + 1)...]
            guard !candidate.isEmpty, candidate.count <= 128,
                candidate.allSatisfy({ isASCIIAlnum($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
            else { return nil }
            tag = String(decoding: candidate, as: UTF8.self)
            end = colon
        }
        let rest = String(decoding: bytes[..<end], as: UTF8.self)
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

    private static func isASCIIAlnum(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    public var isPinnedByDigest: Bool { digest != nil }

    public var description: String {
        "\(registry)/\(repository)" + (tag.map { ":\($0)" } ?? "") + (digest.map { "@\($0)" } ?? "")
    }
}
