/// What libyaml's `yaml_emitter_analyze_scalar` learns about a scalar before it picks a style:
/// which styles could hold the text, and whether it spans lines. Only what a block-style
/// document needs is kept: platc never emits flow collections with content, so libyaml's
/// `flow_plain_allowed` never decides anything here.
struct ScalarAnalysis {
    /// The text holds a line break (`multiline`): it cannot be a simple key.
    var multiline = false
    var blockPlainAllowed = true
    var singleQuotedAllowed = true
    var blockAllowed = true

    init(_ text: UnsafeBufferPointer<UInt8>) {
        guard !text.isEmpty else {
            // libyaml: an empty scalar may be plain in block context or single-quoted, never a block.
            blockAllowed = false
            return
        }
        if text.allSatisfy({ $0 &- 0x21 <= 0x7E - 0x21 }) {
            analyzeVisibleASCII(text)
            return
        }
        var indicators = Self.startsWithDocumentMarker(text)
        var specialCharacters = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        var precededByWhitespace = true
        var previousSpace = false, previousBreak = false

        var offset = 0
        while offset < text.count {
            let byte = text[offset]
            let width = text.characterWidth(at: offset)
            let followedByWhitespace = text.isBlankOrEnd(at: offset + width)
            let isBreak = text.isBreak(at: offset)
            if offset == 0 {
                switch byte {
                case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                    UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                    UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                    UInt8(ascii: "`"):
                    indicators = true
                case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"):
                    if followedByWhitespace { indicators = true }
                default: break
                }
            } else if byte == UInt8(ascii: ":") && followedByWhitespace {
                indicators = true
            } else if byte == UInt8(ascii: "#") && precededByWhitespace {
                indicators = true
            }
            if !text.isPrintable(at: offset) { specialCharacters = true }
            if isBreak { multiline = true }
            let isLast = offset + width == text.count
            if byte == UInt8(ascii: " ") {
                if offset == 0 { leadingSpace = true }
                if isLast { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if isBreak {
                if offset == 0 { leadingBreak = true }
                if isLast { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = text.isBlankOrEnd(at: offset)
            offset += width
        }

        if leadingSpace || leadingBreak || trailingSpace || trailingBreak || multiline || indicators {
            blockPlainAllowed = false
        }
        if trailingSpace { blockAllowed = false }
        if breakSpace {
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || specialCharacters {
            blockPlainAllowed = false
            singleQuotedAllowed = false
            blockAllowed = false
        }
    }

    /// The common case, a word of visible ASCII (names, labels, paths, image references): no
    /// space, break or special character, so only indicators can rule out plain. With no
    /// whitespace inside, `?`, `:` or `-` is followed by whitespace only at the end, and `#`
    /// is preceded by it only at the start.
    private mutating func analyzeVisibleASCII(_ text: UnsafeBufferPointer<UInt8>) {
        let first = text[0]
        switch first {
        case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            blockPlainAllowed = false
        case UInt8(ascii: "?"), UInt8(ascii: "-"):
            if text.count == 1 { blockPlainAllowed = false }
        default: break
        }
        if text[text.count - 1] == UInt8(ascii: ":") || Self.startsWithDocumentMarker(text) { blockPlainAllowed = false }
    }

    /// `---` or `...` at the start reads as a document marker: never plain.
    private static func startsWithDocumentMarker(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count >= 3 else { return false }
        let first = text[0]
        return (first == UInt8(ascii: "-") || first == UInt8(ascii: ".")) && text[1] == first && text[2] == first
    }
}
