/// `scheme://user:password@host/…`: a password in a URL's userinfo. A user alone (`ssh://git@host`)
/// is no secret; a token as the user (`https://ghp_…@github.com`) is found by its own pattern.
enum URLCredentials {
    static let kind = SecretKind(name: "a password in a URL", revoke: "change that password")
    static let separator = Array("://".unicodeScalars)

    static func scan(_ text: [Unicode.Scalar]) -> [SecretFinding] {
        var found: [SecretFinding] = []
        var searchFrom = 0
        guard text.contains("@") else { return [] }
        while let marker = SecretScanner.find(separator, in: text, within: searchFrom..<text.count) {
            searchFrom = marker.upperBound
            var schemeStart = marker.lowerBound
            while schemeStart > 0, SecretScanner.isLetter(text[schemeStart - 1]) { schemeStart -= 1 }
            guard schemeStart < marker.lowerBound else { continue }
            let authorityStart = marker.upperBound
            var authorityEnd = authorityStart
            while authorityEnd < text.count, !endsAuthority(text[authorityEnd]) { authorityEnd += 1 }
            guard let at = text[authorityStart..<authorityEnd].lastIndex(of: "@"),
                let colon = text[authorityStart..<at].firstIndex(of: ":")
            else { continue }
            let password = colon + 1..<at
            guard !SecretAssignment.isPlaceholder(SecretScanner.string(text[password])) else { continue }
            var urlEnd = authorityEnd
            while urlEnd < text.count, !endsURL(text[urlEnd]) { urlEnd += 1 }
            let clean = SecretScanner.string(text[schemeStart..<authorityStart] + text[(at + 1)..<urlEnd])
            found.append(SecretFinding(kind, password, in: text, withoutSecret: clean))
        }
        return found
    }

    private static func endsAuthority(_ c: Unicode.Scalar) -> Bool { "/?#".unicodeScalars.contains(c) || endsURL(c) }
    private static func endsURL(_ c: Unicode.Scalar) -> Bool { SecretScanner.isSpace(c) || "\"'`<>()[]{},".unicodeScalars.contains(c) }
}
