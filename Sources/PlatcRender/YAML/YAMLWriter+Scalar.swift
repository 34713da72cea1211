/// Scalars: the style libyaml would pick (yaml_emitter_select_scalar_style) for the flags
/// `YAMLEmitter.emitWithLibYAML` sends, then yaml_emitter_process_scalar.
extension YAMLWriter {
    enum ScalarStyle {
        case plain, singleQuoted, doubleQuoted, literal
    }

    /// A string: plain_implicit is `PlainScalar`'s verdict, quoted_implicit is set, and a text
    /// with a line feed asks for a literal block.
    mutating func string(_ text: String, simpleKey: Bool) {
        withUTF8(text) { utf8 in stringScalar(text, utf8, ScalarAnalysis(utf8), simpleKey: simpleKey) }
    }

    mutating func stringScalar(_ text: String, _ utf8: UnsafeBufferPointer<UInt8>, _ analysis: ScalarAnalysis, simpleKey: Bool) {
        // No line feed byte means no "\n" Character either: skip the grapheme walk.
        var style: ScalarStyle = utf8.contains(0x0A) && YAMLEmitter.requestsLiteral(text) ? .literal : .plain
        if simpleKey && analysis.multiline { style = .doubleQuoted }
        if style == .plain
            && (!analysis.blockPlainAllowed || (utf8.isEmpty && simpleKey) || !PlainScalar.resolvesToString(text, utf8: utf8))
        {
            style = .singleQuoted
        }
        if style == .singleQuoted && !analysis.singleQuotedAllowed { style = .doubleQuoted }
        if style == .literal && (!analysis.blockAllowed || simpleKey) { style = .doubleQuoted }
        scalar(utf8, style: style)
    }

    /// An int or bool: always plain (digits with an optional `-`, `true`, `false`), so libyaml's
    /// analysis would find nothing to object to.
    mutating func trustedPlainScalar(_ text: String) {
        withUTF8(text) { utf8 in scalar(utf8, style: .plain) }
    }

    /// A decimal: plain requested with plain_implicit only. Should its text need quotes, libyaml
    /// quotes it and, as quoted_implicit is off, tags it with the non-specific `!`.
    mutating func decimalScalar(_ text: String) {
        withUTF8(text) { utf8 in
            let analysis = ScalarAnalysis(utf8)
            var style = ScalarStyle.plain
            if !analysis.blockPlainAllowed { style = analysis.singleQuotedAllowed ? .singleQuoted : .doubleQuoted }
            if style != .plain {
                // yaml_emitter_process_tag → yaml_emitter_write_tag_handle("!").
                if !whitespace { bytes.append(UInt8(ascii: " ")) }
                bytes.append(UInt8(ascii: "!"))
                whitespace = false
                indention = false
            }
            scalar(utf8, style: style)
        }
    }

    /// yaml_emitter_emit_scalar: the scalar's own indent level, for continuation lines.
    private mutating func scalar(_ text: UnsafeBufferPointer<UInt8>, style: ScalarStyle) {
        let outer = indent
        increaseIndent(flow: true, indentless: false)
        switch style {
        case .plain: writePlain(text)
        case .singleQuoted: writeSingleQuoted(text)
        case .doubleQuoted: writeDoubleQuoted(text)
        case .literal: writeLiteral(text)
        }
        indent = outer
    }

    /// yaml_emitter_write_plain_scalar. Plain is never chosen for text with a line break and a
    /// width of -1 never folds, so the text goes out as it is. An empty one adds no space.
    private mutating func writePlain(_ text: UnsafeBufferPointer<UInt8>) {
        if !whitespace && !text.isEmpty { bytes.append(UInt8(ascii: " ")) }
        bytes.append(contentsOf: text)
        whitespace = false
        indention = false
    }
}
