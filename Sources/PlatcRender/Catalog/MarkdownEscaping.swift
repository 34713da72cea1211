import PlatcSpec

/// Markdown table cells and paragraphs: every value through `MarkdownText.escape`, the one
/// escaping platc's Markdown uses (entities for `& < >`, a backslash before inline markup, line
/// breaks as spaces).
///
/// Most values need none of it (names, numbers, GiB figures), so a byte scan decides first: a
/// value with no byte `MarkdownText.escape` could change is appended as it is; any other goes
/// through it and gets exactly its answer.
enum MarkdownEscaping: MarkupEscaping {
    static func append(_ value: String, to output: inout [UInt8]) {
        if isPlain(value) {
            output.append(contentsOf: value.utf8)
        } else {
            output.append(contentsOf: MarkdownText.escape(value).utf8)
        }
    }

    /// None of `& < > \ ` * _ [ ] | ~ #`, line feed or carriage return, and no scalar in
    /// U+1000…U+2FFF (UTF-8 lead byte E1 or E2): that block holds the line and paragraph
    /// separators U+2028 and U+2029. `MarkupTests` checks every scalar.
    static func isPlain(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { text in
            for byte in text {
                switch byte {
                case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "`"),
                    UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "|"),
                    UInt8(ascii: "~"), UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0xE1, 0xE2:
                    return false
                default: continue
                }
            }
            return true
        }
    }
}
