/// `password: hunter2`, `API_KEY=…`, `"token": "…"`, `Authorization: Bearer …`: a key whose name
/// says secret, given a literal value. A reference (`${VAR}`, `os.environ/KEY`, `<token>`), a
/// placeholder (`changeme`, `****`) or prose (`token: see the vault`) is not a finding.
enum SecretAssignment {
    /// Normalized key endings (lowercase, letters and digits only) that name a secret. `key`
    /// alone is not one: tolerations have a `key`, and so does every label.
    static let secretKeyEndings = [
        "password", "passwd", "passphrase", "secret", "token", "apikey", "accesskey", "secretkey", "privatekey",
        "masterkey", "saltkey", "credential", "credentials", "authorization",
    ]

    /// Values that stand for a secret rather than being one.
    static let placeholders: Set<String> = [
        "changeme", "change-me", "change_me", "redacted", "example", "placeholder", "password", "secret", "token", "todo",
        "tbd", "none", "null", "nil", "true", "false", "yes", "no", "empty", "unset",
    ]

    /// Prefixes of values that reference a secret kept elsewhere (LiteLLM's `os.environ/`, paths, digests).
    static let referencePrefixes = [
        "$", "<", "[", "{", "%", "(", "os.environ/", "env:", "vault:", "ref+", "secretkeyref", "sha256:", "/", "./", "~/", "file:",
    ]

    static func kind(_ key: String) -> SecretKind {
        SecretKind(name: "a literal value for '\(key)'", revoke: "rotate it")
    }

    /// The last letters of `secretKeyEndings`.
    static let lastLetters = Set(secretKeyEndings.compactMap(\.unicodeScalars.last))

    static func scan(_ text: [Unicode.Scalar]) -> [SecretFinding] {
        var found: [SecretFinding] = []
        for (index, c) in text.enumerated() where c == ":" || c == "=" {
            // Most keys end in a letter no secret key ends in: those are dropped before building a string.
            guard let keyRange = key(before: index, in: text), lastLetters.contains(lowercased(text[keyRange.upperBound - 1]))
            else { continue }
            let key = SecretScanner.string(text[keyRange])
            guard isSecretKey(key), let value = value(after: index, in: text), isLiteralSecret(SecretScanner.string(text[value]))
            else { continue }
            found.append(SecretFinding(kind(key), value, in: text))
        }
        return found
    }

    /// Whether a key's name says it holds a secret: `db_password`, `OPENAI_API_KEY`, `clientSecret`.
    static func isSecretKey(_ key: String) -> Bool {
        guard key.utf8.allSatisfy({ $0 < 0x80 }) else {
            let normalized = String(key.lowercased().unicodeScalars.filter(SecretScanner.isAlnum).map(Character.init))
            return secretKeyEndings.contains { normalized.hasSuffix($0) }
        }
        // ASCII (every key in practice): the lowercased letters and digits of the key's end,
        // without building the normalized string for each of a platform's many thousand keys.
        var tail: [UInt8] = []
        for byte in key.utf8.reversed() where tail.count < longestEnding {
            let lower = (0x41...0x5A).contains(byte) ? byte + 32 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) { tail.append(lower) }
        }
        return reversedEndings.contains { tail.starts(with: $0) }
    }

    private static let longestEnding = secretKeyEndings.map(\.utf8.count).max() ?? 0
    private static let reversedEndings = secretKeyEndings.map { Array($0.utf8.reversed()) }

    /// A value that could be a real secret: six characters or more, no space (prose), not a
    /// placeholder or reference, not a plain number, and mixing letters, digits or symbols
    /// unless it is long (a lone word such as `required` is prose, `hunter2` is not).
    static func isLiteralSecret(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard scalars.count >= 6, !scalars.contains(where: SecretScanner.isSpace), !isPlaceholder(value),
            !scalars.allSatisfy(SecretScanner.isDigit)
        else { return false }
        let classes = [
            scalars.contains(where: SecretScanner.isLetter), scalars.contains(where: SecretScanner.isDigit),
            scalars.contains { !SecretScanner.isAlnum($0) },
        ].filter { $0 }.count
        return classes >= 2 || scalars.count >= 16
    }

    static func isPlaceholder(_ value: String) -> Bool {
        let lowered = value.lowercased()
        guard let first = value.unicodeScalars.first else { return true }
        return value.unicodeScalars.allSatisfy { $0 == first } || placeholders.contains(lowered)
            || referencePrefixes.contains { lowered.hasPrefix($0) } || lowered.hasPrefix("your")
            || lowered.contains("xxxx") || lowered.contains("****") || lowered.contains("...") || lowered.contains("…")
    }

    // MARK: - Reading `key: value`

    private static func lowercased(_ c: Unicode.Scalar) -> Unicode.Scalar {
        SecretScanner.isUpper(c) ? Unicode.Scalar(c.value + 32)! : c
    }

    /// The key just before a `:` or `=`, skipping spaces and a closing quote (`"token": …`).
    private static func key(before separator: Int, in text: [Unicode.Scalar]) -> Range<Int>? {
        var end = separator
        while end > 0, SecretScanner.isSpace(text[end - 1]) { end -= 1 }
        if end > 0, text[end - 1] == "\"" || text[end - 1] == "'" { end -= 1 }
        var start = end
        while start > 0, SecretScanner.isURLSafe(text[start - 1]) || text[start - 1] == "." { start -= 1 }
        return start < end ? start..<end : nil
    }

    /// The value after the separator: quoted, or one word that ends the line (or a flow
    /// collection); for `Bearer`/`Basic`/`Token` the word after it. nil when it is prose.
    private static func value(after separator: Int, in text: [Unicode.Scalar]) -> Range<Int>? {
        var start = separator + 1
        guard start < text.count, text[start] != "=", text[start] != ":" else { return nil }
        while start < text.count, SecretScanner.isSpace(text[start]) { start += 1 }
        guard start < text.count else { return nil }
        if text[start] == "\"" || text[start] == "'" {
            guard let close = text[(start + 1)...].firstIndex(of: text[start]) else { return nil }
            return scheme(start + 1..<close, in: text) ?? (start + 1..<close)
        }
        var end = start
        while end < text.count, !SecretScanner.isSpace(text[end]), !",;}]".unicodeScalars.contains(text[end]) { end += 1 }
        if let credentials = scheme(start..<end, in: text) {
            return endsStatement(after: credentials.upperBound, in: text) ? credentials : nil
        }
        return endsStatement(after: end, in: text) ? start..<end : nil
    }

    /// `Bearer <token>` (HTTP authorization schemes): the token after the scheme word.
    private static func scheme(_ word: Range<Int>, in text: [Unicode.Scalar]) -> Range<Int>? {
        guard ["bearer", "basic", "token"].contains(SecretScanner.string(text[word]).lowercased()) else { return nil }
        var start = word.upperBound
        while start < text.count, SecretScanner.isSpace(text[start]) { start += 1 }
        var end = start
        while end < text.count, !SecretScanner.isSpace(text[end]), !"\"',;}]".unicodeScalars.contains(text[end]) { end += 1 }
        return start < end ? start..<end : nil
    }

    /// Nothing but a comment, a closing bracket or a separator follows: the word is the whole value.
    private static func endsStatement(after end: Int, in text: [Unicode.Scalar]) -> Bool {
        var index = end
        while index < text.count, SecretScanner.isSpace(text[index]) { index += 1 }
        return index == text.count || "#,;}]\"'".unicodeScalars.contains(text[index])
    }
}
