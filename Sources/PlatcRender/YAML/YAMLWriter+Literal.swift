/// Literal block scalars (`|`), for strings with line feeds.
extension YAMLWriter {
    /// yaml_emitter_write_literal_scalar: the header, then each line at the scalar's indent.
    mutating func writeLiteral(_ text: UnsafeBufferPointer<UInt8>) {
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockScalarHints(text)
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        var pending = 0
        var offset = 0
        while offset < text.count {
            let width = text.characterWidth(at: offset)
            if text.isBreak(at: offset) {
                append(text, pending..<offset)
                writeBreak(text, offset..<offset + width)
                indention = true
                breaks = true
                pending = offset + width
            } else if breaks {
                writeIndent()
                indention = false
                breaks = false
            }
            offset += width
        }
        append(text, pending..<text.count)
    }

    /// yaml_emitter_write_block_scalar_hints: an indentation indicator when the first line
    /// starts with a space or is empty (the reader could not tell the indent), then the chomping
    /// indicator: `-` without a final break, `+` when the text ends in more than one break (or is
    /// one), which also leaves the document open-ended.
    private mutating func writeBlockScalarHints(_ text: UnsafeBufferPointer<UInt8>) {
        if text[0] == UInt8(ascii: " ") || text.isBreak(at: 0) {
            writeIndicator("2", needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        openEnded = 0
        let last = text.characterStart(before: text.count)
        if !text.isBreak(at: last) {
            writeIndicator("-", needWhitespace: false, isWhitespace: false, isIndention: false)
        } else if last == 0 || text.isBreak(at: text.characterStart(before: last)) {
            writeIndicator("+", needWhitespace: false, isWhitespace: false, isIndention: false)
            openEnded = 2
        }
    }
}
