/// HTML text and attribute values: `&`, `<`, `>`, `"` and `'` become the entities
/// swift-mustache's `htmlEscape` wrote (`&amp;` `&lt;` `&gt;` `&quot;` `&#39;`) when the page was a
/// template, so its bytes did not change.
///
/// Escaped per UTF-8 byte, not per Character: a Character compares by grapheme cluster, so
/// Mustache's table missed a quote followed by a combining mark (`"\u{301}` is one Character,
/// not `"`) and let it end an attribute. Every byte of the five is escaped here, whatever follows.
enum HTMLEscaping: MarkupEscaping {
    static func append(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { text in
            // Runs without a special byte are copied whole; a value with none is one copy.
            var runStart = 0
            for index in text.indices {
                let entity: StaticString
                switch text[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                entity.withUTF8Buffer { output.append(contentsOf: $0) }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
        }
    }
}
