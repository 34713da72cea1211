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

    /// The last letters of `secretKeyEndings`, either case, as a table by ASCII code: asked for
    /// every `:` and `=` of every source line, so no hashing.
    static let lastLetters: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for letter in secretKeyEndings.compactMap(\.utf8.last) {
            table[Int(letter)] = true
            table[Int(letter) - 32] = true
        }
        return table
    }()

    static func scan(_ text: [Unicode.Scalar]) -> [SecretFinding] {
        var found: [SecretFinding] = []
        for index in text.indices where text[index] == ":" || text[index] == "=" {
            // Most keys end in a letter no secret key ends in, and most others are no secret key:
            // both are dropped before building a string.
            guard let keyRange = key(before: index, in: text) else { continue }
            let last = text[keyRange.upperBound - 1].value
            guard last < 128, lastLetters[Int(last)], isSecretKey(text[keyRange]) else { continue }
            let key = SecretScanner.string(text[keyRange])
            guard let value = value(after: index, in: text), isLiteralSecret(SecretScanner.string(text[value])) else { continue }
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
        return endsInSecretWord(key.utf8.reversed())
    }

    /// `isSecretKey` of a key in a scanned line, without building its string when it is ASCII.
    static func isSecretKey(_ key: ArraySlice<Unicode.Scalar>) -> Bool {
        guard key.allSatisfy({ $0.isASCII }) else { return isSecretKey(SecretScanner.string(key)) }
        return endsInSecretWord(key.reversed().lazy.map { UInt8($0.value) })
    }

    /// ASCII (every key in practice): the lowercased letters and digits of the key's end, read
    /// backwards, against the endings; no normalized string for each of a platform's many keys.
    private static func endsInSecretWord(_ reversedBytes: some Sequence<UInt8>) -> Bool {
        var tail: [UInt8] = []
        tail.reserveCapacity(longestEnding)
        for byte in reversedBytes where tail.count < longestEnding {
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
