/// Whether a string may be written as a plain (unquoted) YAML scalar and still read back as a
/// string. Kubernetes reads YAML through go-yaml, which resolves YAML 1.1 forms (`yes`, `on`,
/// `0o17`, `1:20`, `2026-01-01`) as well as 1.2 ones, so anything either version would read as
/// null, a boolean, a number or a timestamp is quoted. Deliberately conservative: a string that
/// merely starts like a number (`24Gi`) stays plain only when no resolver could take it for one.
enum PlainScalar {
    static func resolvesToString(_ text: String) -> Bool {
        withUTF8(text) { resolvesToString(text, utf8: $0) }
    }

    /// The same verdict from the text's UTF-8 bytes, which the caller already holds.
    static func resolvesToString(_ text: String, utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Every reserved word is at most 6 bytes: skip hashing longer strings.
        if bytes.isEmpty || (bytes.count <= 6 && reservedWords.contains(text)) { return false }
        if looksNumeric(bytes) || looksLikeTimestamp(bytes) { return false }
        return true
    }

    private static let reservedWords: Set<String> = [
        "~", "null", "Null", "NULL",
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
        ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
        "<<", "=",
    ]

    /// Integers and floats in any base or notation YAML 1.1 or 1.2 knows, with `_` separators and
    /// sexagesimal (`1:30`) forms: digits, `_`, `:`, `.`, one exponent, an optional sign and prefix.
    private static func looksNumeric(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var body = bytes[...]
        if let first = body.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { body = body.dropFirst() }
        guard let first = body.first else { return false }
        if first == UInt8(ascii: "0"), body.count > 1 {
            let prefix = body[body.index(after: body.startIndex)]
            if prefix == UInt8(ascii: "x") || prefix == UInt8(ascii: "o") || prefix == UInt8(ascii: "b") {
                return body.dropFirst(2).allSatisfy { isHexDigit($0) || $0 == UInt8(ascii: "_") } && body.count > 2
            }
        }
        var sawDigit = false
        var sawExponent = false
        var previous: UInt8 = 0
        for byte in body {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "."): break
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                if sawExponent || !sawDigit { return false }
                sawExponent = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                if previous != UInt8(ascii: "e") && previous != UInt8(ascii: "E") { return false }
            default: return false
            }
            previous = byte
        }
        return sawDigit
    }

    /// YAML 1.1 timestamps start with a date: `2026-1-5`, `2026-01-05T…`.
    private static func looksLikeTimestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let digits = bytes.prefix { isDigit($0) }
        guard digits.count == 4, bytes.count > 5, bytes[4] == UInt8(ascii: "-") else { return false }
        let month = bytes[5...].prefix { isDigit($0) }
        return (1...2).contains(month.count) && bytes.count > 5 + month.count && bytes[5 + month.count] == UInt8(ascii: "-")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }
}
