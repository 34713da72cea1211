/// A credential with a recognisable shape: a fixed prefix, then a body of a known alphabet and length.
struct TokenPattern: Sendable {
    var kind: SecretKind
    var prefixes: [[Unicode.Scalar]]
    var body: @Sendable (Unicode.Scalar) -> Bool
    var length: ClosedRange<Int>
    /// Whether the body must look random (see `looksRandom`), for prefixes that ordinary
    /// hyphenated names can also start with (`sk-`).
    var random = false
    var needsDigit = false

    init(
        kind: SecretKind, prefixes: [String], body: @escaping @Sendable (Unicode.Scalar) -> Bool, length: ClosedRange<Int>,
        random: Bool = false, needsDigit: Bool = false
    ) {
        self.kind = kind
        self.prefixes = prefixes.map { Array($0.unicodeScalars) }
        self.body = body
        self.length = length
        self.random = random
        self.needsDigit = needsDigit
    }

    /// Lengths are those the issuers document, with room below for older or shorter formats.
    static let all: [TokenPattern] = [
        TokenPattern(
            kind: SecretKind(name: "an Anthropic API key", revoke: "revoke it in the Anthropic console"),
            prefixes: ["sk-ant-"], body: SecretScanner.isURLSafe, length: 20...512, random: true),
        TokenPattern(
            kind: SecretKind(
                name: "an OpenAI or LiteLLM API key", revoke: "revoke it where it was issued (OpenAI, or LiteLLM /key/delete)"),
            prefixes: ["sk-"], body: SecretScanner.isURLSafe, length: 20...512, random: true),
        TokenPattern(
            kind: SecretKind(name: "a Hugging Face token", revoke: "revoke it at huggingface.co/settings/tokens"),
            prefixes: ["hf_"], body: SecretScanner.isAlnum, length: 30...64, random: true),
        TokenPattern(
            kind: SecretKind(name: "a GitHub token", revoke: "revoke it at github.com/settings/tokens"),
            prefixes: ["github_pat_"], body: { SecretScanner.isAlnum($0) || $0 == "_" }, length: 22...255, random: true),
        TokenPattern(
            kind: SecretKind(name: "a GitHub token", revoke: "revoke it at github.com/settings/tokens"),
            prefixes: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], body: SecretScanner.isAlnum, length: 30...255, random: true),
        TokenPattern(
            kind: SecretKind(name: "an AWS access key ID", revoke: "deactivate it in AWS IAM"),
            prefixes: ["AKIA", "ASIA"], body: { SecretScanner.isUpper($0) || SecretScanner.isDigit($0) }, length: 16...16),
        TokenPattern(
            kind: SecretKind(name: "a Slack token", revoke: "revoke it at api.slack.com/apps"),
            prefixes: ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-"],
            body: { SecretScanner.isAlnum($0) || $0 == "-" }, length: 10...255, needsDigit: true),
    ]

    /// The first characters of every prefix, JWTs' `e` included: most positions are rejected by this alone.
    /// A table by ASCII code, not a Set: this is asked for every character of every source line.
    static let starts: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        let firsts: [Unicode.Scalar] = all.flatMap { $0.prefixes.compactMap(\.first) } + ["e"]
        for start in firsts { table[Int(start.value)] = true }
        return table
    }()
    static let jwtStart = Array("eyJ".unicodeScalars)

    static let jwt = SecretKind(name: "a JSON Web Token", revoke: "treat it as leaked: revoke it or rotate the key that signed it")

    /// Every token in `text` that starts at a word boundary and ends at one.
    static func scan(_ text: [Unicode.Scalar]) -> [SecretFinding] {
        var found: [SecretFinding] = []
        var index = 0
        while index < text.count {
            if text[index].value < 128, starts[Int(text[index].value)], index == 0 || !SecretScanner.isAlnum(text[index - 1]),
                let finding = match(text, at: index)
            {
                found.append(finding)
                index = finding.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    private static func match(_ text: [Unicode.Scalar], at start: Int) -> SecretFinding? {
        if let end = jsonWebToken(text, at: start) { return SecretFinding(jwt, start..<end, in: text) }
        for pattern in all {
            for prefix in pattern.prefixes where SecretScanner.hasPrefix(text, prefix, at: start) {
                let bodyStart = start + prefix.count
                var end = bodyStart
                while end < text.count, pattern.body(text[end]) { end += 1 }
                let body = text[bodyStart..<end]
                guard pattern.length.contains(body.count), end == text.count || !SecretScanner.isAlnum(text[end]),
                    !pattern.random || looksRandom(body), !pattern.needsDigit || body.contains(where: SecretScanner.isDigit)
                else { continue }
                return SecretFinding(pattern.kind, start..<end, in: text)
            }
        }
        return nil
    }

    /// `eyJ…` header, `.`, `eyJ…` payload (both base64url JSON objects), `.`, signature: the end offset.
    private static func jsonWebToken(_ text: [Unicode.Scalar], at start: Int) -> Int? {
        var index = start
        for part in 0..<3 {
            let partStart = index
            if part < 2, !SecretScanner.hasPrefix(text, jwtStart, at: index) { return nil }
            while index < text.count, SecretScanner.isURLSafe(text[index]) { index += 1 }
            if part < 2 {
                guard index - partStart >= 10, index < text.count, text[index] == "." else { return nil }
                index += 1
            }
        }
        return index
    }

    /// Random keys mix upper and lower case, or (hex keys) run 16 characters or more without a
    /// separator while mixing letters and digits. Hyphenated names such as `sk-telecom-research-2024`
    /// do neither.
    static func looksRandom(_ body: ArraySlice<Unicode.Scalar>) -> Bool {
        if body.contains(where: SecretScanner.isUpper), body.contains(where: { ("a"..."z").contains($0) }) { return true }
        return body.split(whereSeparator: { $0 == "-" || $0 == "_" }).contains { run in
            run.count >= 16 && run.contains(where: SecretScanner.isDigit) && run.contains(where: SecretScanner.isLetter)
        }
    }
}
