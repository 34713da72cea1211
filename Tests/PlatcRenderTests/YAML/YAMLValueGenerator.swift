import PlatcTestSupport

@testable import PlatcRender

/// Deterministic random `YAMLValue` trees for the writer's property tests, from a seed
/// (`SeededRandom` is SplitMix64). Strings come from a list of texts that YAML reads as something
/// else or that need quoting, and from pieces of a nasty alphabet glued together: indicators,
/// quotes, escapes, every kind of line break, control and non-BMP characters.
struct YAMLValueGenerator {
    var random: SeededRandom
    /// Decimals hold any text, not only numbers (libyaml then tags them `!`); the round-trip
    /// test turns this off, as platc's decimals are numbers.
    var oddDecimals = true

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// A tree at most `depth` collections deep.
    mutating func value(depth: Int = 4) -> YAMLValue {
        let roll = Int.random(in: 0..<100, using: &random)
        if depth > 0 && roll < 22 { return .list((0..<count()).map { _ in value(depth: depth - 1) }) }
        if depth > 0 && roll < 50 { return .map(map(depth: depth - 1)) }
        switch roll % 10 {
        case 0: return .int(Int64.random(in: Int64.min...Int64.max, using: &random) >> Int64.random(in: 0..<64, using: &random))
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .decimal(decimal())
        default: return .string(string())
        }
    }

    /// Mostly small collections, sometimes empty, now and then longer.
    private mutating func count() -> Int {
        let roll = Int.random(in: 0..<10, using: &random)
        return roll == 0 ? 0 : roll < 8 ? Int.random(in: 1...3, using: &random) : Int.random(in: 4...8, using: &random)
    }

    private mutating func map(depth: Int) -> YAMLMap {
        var map = YAMLMap()
        for _ in 0..<count() { map[string()] = value(depth: depth) }
        return map
    }

    mutating func string() -> String {
        let roll = Int.random(in: 0..<100, using: &random)
        switch roll {
        case 0..<30: return Self.texts.randomElement(using: &random)!
        case 30..<85:
            return (0..<Int.random(in: 1...6, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
        case 85..<95:
            return Self.texts.randomElement(using: &random)! + Self.pieces.randomElement(using: &random)!
                + Self.texts.randomElement(using: &random)!
        default:
            // Past libyaml's 128-byte limit for simple keys, sometimes just at it.
            let length = [127, 128, 129, 130, 200].randomElement(using: &random)!
            var text = ""
            while text.utf8.count < length { text += Self.pieces.randomElement(using: &random)! }
            return Bool.random(using: &random) ? String(repeating: "k", count: length) : text
        }
    }

    private mutating func decimal() -> String {
        if oddDecimals && Int.random(in: 0..<4, using: &random) == 0 { return string() }
        return ["0.9", "1.5", "-0.25", "100.0", "0.000001", "1e3", "2.5E-3", ".5", "12345678.123"].randomElement(using: &random)!
    }

    /// Whole texts: YAML 1.1 and 1.2 keywords, numbers and dates as strings, indicators alone.
    static let texts = [
        "yes", "no", "on", "off", "y", "n", "Y", "N", "true", "False", "TRUE", "null", "Null", "NULL", "~", "<<", "=",
        "012", "1e3", "0x1F", "0o17", "0b101", "1:20", "2026-01-01", "2026-1-5T10:00:00Z", ".5", "+1", "-", "-1", "1_000",
        ".inf", "-.INF", ".nan", "24Gi", "500m", "v1.2", "1.2.3", "sha256:abc", "--model", "llm-serving", "e3",
        "", " ", "  ", " a", "a ", ":", ": ", "a:", "a: b", "a:b", " #", "#", "a #b", "a#b", "- ", "-", "- x", "-x", "?", "? x",
        "?x", "!", "&", "*", "|", ">", "%", "@", "`", ",", "[", "]", "{", "}", "a,b", "[a]", "{a: 1}", "---", "...", "--- x",
        "'", "\"", "\\", "it's", "say \"hi\"", "a\\b", "\t", "a\tb", "\n", "\n\n", "a\n", "\na", "a\n\n", "\n\na", "a\nb",
        "a\n\nb", " a\nb", "a \nb", "a\n b", "a\n\n\n", "\r", "\r\n", "a\r\nb", "a\rb", "a\r\n", "é", "中文", "😀", "a😀b",
        "\u{2028}", "a\u{2028}b", "\u{2029}", "\u{85}", "a\u{85}b", "\u{FEFF}", "\u{FEFF}a", "\u{1}", "\u{7F}", "\u{0}",
        "a\u{0}b", "\u{A0}", "a\u{A0}", "\u{FFFE}", "\u{1B}", "x\ny\n", "line one\nline two\n", "# comment\nkey: value\n",
    ]

    /// Pieces glued into longer texts.
    static let pieces = [
        "a", "b", "x", "key", "0", "1", ".", "e", " ", "  ", ":", ": ", " #", "#", "- ", "-", "?", "!", "&", "*", "|", ">",
        "%", "@", "`", ",", "[", "]", "{", "}", "'", "\"", "\\", "\t", "\n", "\n\n", "\r", "\r\n", "é", "中文", "😀",
        "\u{2028}", "\u{2029}", "\u{85}", "\u{FEFF}", "\u{1}", "\u{7F}", "\u{0}", "\u{A0}", "\u{FFFE}", "\u{E000}",
        "\u{D7FF}", "\u{10FFFF}", "\u{7}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{9F}", "e\u{301}", "\u{301}", "---",
        "...", "yes", "null", "~",
    ]
}
