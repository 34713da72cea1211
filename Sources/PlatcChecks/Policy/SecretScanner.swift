/// What kind of secret a finding is, and what to do about it besides deleting it.
struct SecretKind: Equatable, Sendable {
    /// "a Hugging Face token".
    var name: String
    /// "revoke it at huggingface.co/settings/tokens".
    var revoke: String
}

/// One secret in a line of text.
struct SecretFinding {
    var kind: SecretKind
    /// Unicode-scalar offsets in the scanned text (columns count scalars, as libyaml does).
    var range: Range<Int>
    /// What the message may show: the first four characters and an ellipsis, never the secret.
    var shown: String
    /// The text with the secret taken out, when there is one obvious way (a URL without its password).
    var withoutSecret: String?

    init(_ kind: SecretKind, _ range: Range<Int>, in text: [Unicode.Scalar], shown: String? = nil, withoutSecret: String? = nil) {
        self.kind = kind
        self.range = range
        self.shown = shown ?? "'" + String(String.UnicodeScalarView(text[range].prefix(4))) + "…'"
        self.withoutSecret = withoutSecret
    }
}

/// Finds secrets in one line of text: known token formats first (they name the kind most
/// precisely), then passwords in URLs, then literal values of secret-sounding keys. Each span of
/// text is reported once.
enum SecretScanner {
    static func scan<Text: StringProtocol>(_ text: Text) -> [SecretFinding] {
        // Source lines are ASCII nearly always: their bytes are their scalars, no decoding.
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        return scan(scalars: ascii ? text.utf8.map { Unicode.Scalar($0) } : Array(text.unicodeScalars))
    }

    static func scan(scalars: [Unicode.Scalar]) -> [SecretFinding] {
        var found = TokenPattern.scan(scalars) + PrivateKeyBlock.scan(scalars)
        for finding in URLCredentials.scan(scalars) + SecretAssignment.scan(scalars)
        where !found.contains(where: { $0.range.overlaps(finding.range) }) {
            found.append(finding)
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: - Character classes (secrets are ASCII)

    static func isAlnum(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isDigit(c) }
    static func isLetter(_ c: Unicode.Scalar) -> Bool { isUpper(c) || ("a"..."z").contains(c) }
    static func isUpper(_ c: Unicode.Scalar) -> Bool { ("A"..."Z").contains(c) }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    /// base64url, the alphabet of most API keys.
    static func isURLSafe(_ c: Unicode.Scalar) -> Bool { isAlnum(c) || c == "-" || c == "_" }
    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }

    static func hasPrefix(_ text: [Unicode.Scalar], _ prefix: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + prefix.count <= text.count else { return false }
        for offset in prefix.indices where text[index + offset] != prefix[offset] { return false }
        return true
    }

    /// The first occurrence of `pattern` inside `bounds` of `text`. A plain loop: the generic
    /// `firstRange(of:)` was a fifth of `platc check` on large platforms.
    static func find(_ pattern: [Unicode.Scalar], in text: [Unicode.Scalar], within bounds: Range<Int>) -> Range<Int>? {
        guard let first = pattern.first, bounds.count >= pattern.count else { return nil }
        var index = bounds.lowerBound
        while index + pattern.count <= bounds.upperBound {
            if text[index] == first, hasPrefix(text, pattern, at: index) { return index..<(index + pattern.count) }
            index += 1
        }
        return nil
    }

    static func string(_ text: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(text)) }
}
