extension PolicyChecks {
    /// `-----BEGIN … PRIVATE KEY-----` (PKCS#1, PKCS#8, EC, OpenSSH, PGP): the key follows on the next lines.
    /// A `PUBLIC KEY` block, such as `policy.cosignPublicKey`, is not a secret.
    enum PrivateKeyBlock {
        static let kind = SecretKind(name: "a PEM private key", revoke: "replace the key pair")

        static func scan(_ text: [Unicode.Scalar]) -> [SecretFinding] {
            guard let begin = text.firstRange(of: Array("-----BEGIN ".unicodeScalars)),
                let close = text[begin.upperBound...].firstRange(of: Array("-----".unicodeScalars)),
                text[begin.upperBound..<close.lowerBound].firstRange(of: Array("PRIVATE KEY".unicodeScalars)) != nil
            else { return [] }
            let marker = begin.lowerBound..<close.upperBound
            // The marker is not secret; showing it says which key it is.
            return [SecretFinding(kind, marker, in: text, shown: SecretScanner.string(text[marker]))]
        }
    }
}
