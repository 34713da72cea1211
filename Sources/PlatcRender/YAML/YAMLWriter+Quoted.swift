/// Single- and double-quoted scalars. Runs of ordinary characters are copied in one append;
/// the characters libyaml treats one by one (breaks, quotes, escapes) are handled as it does.
/// With width -1 libyaml never folds a long line, so its folding branches are left out.
extension YAMLWriter {
    /// yaml_emitter_write_single_quoted_scalar.
    mutating func writeSingleQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
        var breaks = false
        var pending = 0  // start of the bytes read but not yet written
        var offset = 0
        while offset < text.count {
            let byte = text[offset]
            if text.isBreak(at: offset) {
                append(text, pending..<offset)
                let width = text.characterWidth(at: offset)
                // A first line feed is doubled: one line feed alone would fold into a space.
                if !breaks && byte == 0x0A { putBreak() }
                writeBreak(text, offset..<offset + width)
                indention = true
                breaks = true
                offset += width
                pending = offset
            } else if byte == UInt8(ascii: " ") {
                offset += 1
            } else {
                if breaks {
                    append(text, pending..<offset)
                    pending = offset
                    writeIndent()
                }
                if byte == UInt8(ascii: "'") {
                    // Write up to and including the quote, and leave it pending: it goes out twice.
                    append(text, pending..<offset + 1)
                    pending = offset
                }
                indention = false
                breaks = false
                offset += text.characterWidth(at: offset)
            }
        }
        append(text, pending..<text.count)
        if breaks { writeIndent() }
        writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    /// yaml_emitter_write_double_quoted_scalar: what is not printable, a break, `"` or `\` is
    /// escaped; everything else, non-ASCII included (unicode is on), is written as it is.
    mutating func writeDoubleQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        var pending = 0
        var offset = 0
        while offset < text.count {
            let byte = text[offset]
            let width = text.characterWidth(at: offset)
            if !text.isPrintable(at: offset) || text.isBreak(at: offset) || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "\\")
            {
                append(text, pending..<offset)
                writeEscape(Self.codePoint(text, at: offset, width: width))
                pending = offset + width
            }
            offset += width
        }
        append(text, pending..<text.count)
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    /// The escapes libyaml writes: short ones where YAML has them, else `\x`, `\u` or `\U`
    /// with upper-case hex digits.
    private mutating func writeEscape(_ value: UInt32) {
        bytes.append(UInt8(ascii: "\\"))
        let short: Unicode.Scalar? =
            switch value {
            case 0x00: "0"
            case 0x07: "a"
            case 0x08: "b"
            case 0x09: "t"
            case 0x0A: "n"
            case 0x0B: "v"
            case 0x0C: "f"
            case 0x0D: "r"
            case 0x1B: "e"
            case 0x22: "\""
            case 0x5C: "\\"
            case 0x85: "N"
            case 0xA0: "_"
            case 0x2028: "L"
            case 0x2029: "P"
            default: nil
            }
        if let short { return bytes.append(UInt8(ascii: short)) }
        let (letter, digits): (Unicode.Scalar, Int) = value <= 0xFF ? ("x", 2) : value <= 0xFFFF ? ("u", 4) : ("U", 8)
        bytes.append(UInt8(ascii: letter))
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let digit = UInt8((value >> UInt32(shift)) & 0x0F)
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "A") + digit - 10)
        }
    }

    /// Decodes the UTF-8 character at `offset`.
    private static func codePoint(_ text: UnsafeBufferPointer<UInt8>, at offset: Int, width: Int) -> UInt32 {
        let lead = UInt32(text[offset])
        var value: UInt32 =
            switch width {
            case 1: lead & 0x7F
            case 2: lead & 0x1F
            case 3: lead & 0x0F
            default: lead & 0x07
            }
        for index in offset + 1..<offset + width { value = (value << 6) + (UInt32(text[index]) & 0x3F) }
        return value
    }

    /// WRITE_BREAK: a line feed becomes the emitter's break; CR, NEL, LS and PS are copied as
    /// they are. Either way a new line starts.
    mutating func writeBreak(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        if text[range.lowerBound] == 0x0A {
            putBreak()
        } else {
            append(text, range)
            lineStart = bytes.count
        }
    }

    @inline(__always)
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        if !range.isEmpty { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[range])) }
    }
}
