/// The policy checks' secret scanner, for other phases: `platc diff` masks what it finds in
/// both sides of a change, so a secret that reached out/ (or a hand edit) is never printed.
public enum SecretDetection {
    /// Where secrets are in one line, as Unicode-scalar offsets.
    public static func secretRanges<Text: StringProtocol>(inLine line: Text) -> [Range<Int>] {
        SecretScanner.scan(line).map(\.range)
    }

    /// The same for a line already split into scalars (no string is built and decoded again).
    public static func secretRanges(inScalars line: [Unicode.Scalar]) -> [Range<Int>] {
        SecretScanner.scan(scalars: line).map(\.range)
    }

    /// Whether a key's name says it holds a secret: `password`, `api_key`, `clientSecret`.
    public static func isSecretKey(_ key: String) -> Bool { SecretAssignment.isSecretKey(key) }

    /// A value that stands for a secret kept elsewhere (`os.environ/KEY`, `${VAR}`) or for none.
    public static func isReferenceOrPlaceholder(_ value: String) -> Bool {
        value.isEmpty || SecretAssignment.isPlaceholder(value)
    }
}
