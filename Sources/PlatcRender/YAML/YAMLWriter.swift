/// Writes a `YAMLValue` as one YAML document straight into bytes, producing exactly what
/// libyaml 0.2.5's emitter writes with `YAMLEmitter`'s settings (block style, indent 2, width -1
/// so no folding, unicode on, LF breaks, implicit document start and end). It mirrors libyaml's
/// emitter state for the events platc sends (no anchors, no tags, no flow style), so renders
/// keep their bytes while skipping the event API, its copies and its output callback.
///
/// A value type with no shared state: each document gets its own writer, so renders may run on
/// several threads at once.
public struct YAMLWriter: Sendable {
    /// The prefix, then the document so far.
    var bytes: [UInt8]

    // libyaml's emitter state (yaml_emitter_t), the part a block-style document uses.
    /// `indent`: the current indentation column; -1 before the root collection.
    var indent = -1
    /// Where the current line starts in `bytes`. libyaml's `column` is `bytes.count - lineStart`
    /// whenever it is read: `writeIndent` reads it only while `indention` holds, and then the line
    /// holds nothing but ASCII spaces and indicators.
    var lineStart: Int
    /// `whitespace`: the last character written was whitespace (no space needed before an indicator).
    var whitespace = true
    /// `indention`: only indentation and indicators are on the current line so far.
    var indention = true
    /// `open_ended`: 2 after a `|+` block, which needs a `...` document end marker. (libyaml's 1,
    /// set at a document's end, matters only to a next document; platc writes one.)
    var openEnded = 0

    /// One document's bytes, after `prefix` (a file header, say: writing after it saves the copy
    /// a concatenation would make).
    public static func document(_ value: YAMLValue, after prefix: [UInt8] = []) -> [UInt8] {
        var writer = YAMLWriter(prefix: prefix)
        writer.writeDocument(value)
        // A render keeps every file's bytes until out/ is written, so they are returned at their
        // size, not in the growing buffer (spare room was 170 MB at 52,000 files). The copy is
        // explicit: `Array(bytes[...])` hands back the same buffer.
        let bytes = writer.bytes
        guard bytes.count + 256 < bytes.capacity else { return bytes }
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: bytes)
        }
    }

    private init(prefix: [UInt8]) {
        bytes = prefix
        bytes.reserveCapacity(prefix.count + 4096)
        lineStart = prefix.count
    }

    /// yaml_emitter_emit_document_start (implicit) … yaml_emitter_emit_stream_end.
    private mutating func writeDocument(_ value: YAMLValue) {
        node(value, mapping: false)
        // yaml_emitter_emit_document_end, implicit, then _stream_end: no `...` unless a `|+`
        // block left the document open-ended.
        writeIndent()
        if openEnded == 2 {
            writeIndicator("...", needWhitespace: true, isWhitespace: false, isIndention: false)
            openEnded = 0
            writeIndent()
        }
    }

    // MARK: - Nodes (yaml_emitter_emit_node and the block states)

    /// A value: the root, a list item or a map value. `mapping` is libyaml's `mapping_context`;
    /// keys, the only simple keys, go through `mapping(_:)`.
    mutating func node(_ value: YAMLValue, mapping: Bool) {
        switch value {
        case .string(let text): string(text, simpleKey: false)
        case .int(let number): trustedPlainScalar(String(number))
        case .bool(let flag): trustedPlainScalar(flag ? "true" : "false")
        case .decimal(let text): decimalScalar(text)
        case .list(let items): sequence(items, mapping: mapping)
        case .map(let map): self.mapping(map.entries)
        }
    }

    /// yaml_emitter_emit_block_sequence_item; an empty list is a flow sequence `[]`.
    /// A list that is a mapping's value is not indented past its key (libyaml's "indentless").
    private mutating func sequence(_ items: [YAMLValue], mapping: Bool) {
        guard !items.isEmpty else { return emptyCollection("[", "]") }
        let outer = indent
        increaseIndent(flow: false, indentless: mapping && !indention)
        for item in items {
            writeIndent()
            writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
            node(item, mapping: false)
        }
        indent = outer
    }

    /// yaml_emitter_emit_block_mapping_key and _value; an empty map is a flow mapping `{}`.
    private mutating func mapping(_ entries: [YAMLMap.Entry]) {
        guard !entries.isEmpty else { return emptyCollection("{", "}") }
        let outer = indent
        increaseIndent(flow: false, indentless: false)
        for entry in entries {
            writeIndent()
            withUTF8(entry.key) { key in
                let analysis = ScalarAnalysis(key)
                // yaml_emitter_check_simple_key: one line, at most 128 bytes; else `? key` / `: value`.
                if !analysis.multiline && key.count <= 128 {
                    stringScalar(entry.key, key, analysis, simpleKey: true)
                    writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
                } else {
                    writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
                    stringScalar(entry.key, key, analysis, simpleKey: false)
                    writeIndent()
                    writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
                }
            }
            node(entry.value, mapping: true)
        }
        indent = outer
    }

    /// An empty sequence or mapping: libyaml switches to flow style, whose indent and flow level
    /// it pops right away.
    private mutating func emptyCollection(_ open: StaticString, _ close: StaticString) {
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    /// yaml_emitter_increase_indent.
    mutating func increaseIndent(flow: Bool, indentless: Bool) {
        if indent < 0 {
            indent = flow ? 2 : 0
        } else if !indentless {
            indent += 2
        }
    }

    // MARK: - Output primitives (yaml_emitter_write_indent, _write_indicator, PUT_BREAK)

    /// yaml_emitter_write_indent: a new line unless only indentation is on this one, then spaces.
    mutating func writeIndent() {
        let target = max(indent, 0)
        var column = bytes.count - lineStart
        if !indention || column > target || (column == target && !whitespace) {
            putBreak()
            column = 0
        }
        if column < target { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: target - column)) }
        whitespace = true
        indention = true
    }

    /// yaml_emitter_write_indicator.
    mutating func writeIndicator(_ indicator: StaticString, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { bytes.append(UInt8(ascii: " ")) }
        indicator.withUTF8Buffer { bytes.append(contentsOf: $0) }
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    /// PUT_BREAK with YAML_LN_BREAK.
    @inline(__always)
    mutating func putBreak() {
        bytes.append(0x0A)
        lineStart = bytes.count
    }
}

/// The string's UTF-8 bytes without a copy when it is stored contiguously (always, for native
/// Swift strings).
@inline(__always)
func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(body)
}
