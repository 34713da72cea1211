/// `-----BEGIN … PRIVATE KEY-----` (PKCS#1, PKCS#8, EC, OpenSSH, PGP): the key follows on the next lines.
/// A `PUBLIC KEY` block, such as `policy.cosignPublicKey`, is not a secret.
enum PrivateKeyBlock {
    static let kind = SecretKind(name: "a PEM private key", revoke: "replace the key pair")

    static let begin = Array("-----BEGIN ".unicodeScalars)
    static let dashes = Array("-----".unicodeScalars)
    static let privateKey = Array("PRIVATE KEY".unicodeScalars)

    static func scan(_ text: [Unicode.Scalar]) -> [SecretFinding] {
        guard let begin = SecretScanner.find(begin, in: text, within: 0..<text.count),
            let close = SecretScanner.find(dashes, in: text, within: begin.upperBound..<text.count),
            SecretScanner.find(privateKey, in: text, within: begin.upperBound..<close.lowerBound) != nil
        else { return [] }
        let marker = begin.lowerBound..<close.upperBound
        // The marker is not secret; showing it says which key it is.
        return [SecretFinding(kind, marker, in: text, shown: SecretScanner.string(text[marker]))]
    }
}
