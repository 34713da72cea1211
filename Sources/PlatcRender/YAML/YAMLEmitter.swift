import CLibYAML

/// Writes a `YAMLValue` as one YAML document. `emit` is `YAMLWriter`, which writes the bytes
/// directly; `emitWithLibYAML` sends the same document through libyaml's emitter and stays as
/// the reference the writer is tested against, byte for byte. platc only decides, per string,
/// whether a plain scalar would read back as a string (`PlainScalar`) and whether it asks for a
/// literal block; libyaml's rules, which the writer mirrors, pick the rest.
public enum YAMLEmitter {
    public struct EmitError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The document's bytes: block style, 2-space indent, no line folding, UTF-8 unescaped.
    /// (It never fails; it keeps `throws` for its callers.)
    public static func emit(_ value: YAMLValue) throws -> [UInt8] {
        YAMLWriter.document(value)
    }

    /// A string with a line feed asks for a literal block. One definition for both paths, so
    /// they agree on what `contains` means (a CRLF is one Character, not a line feed).
    static func requestsLiteral(_ text: String) -> Bool { text.contains("\n") }

    /// The same document through libyaml 0.2.5's event API, with the settings above.
    public static func emitWithLibYAML(_ value: YAMLValue) throws -> [UInt8] {
        let sink = Sink()
        var emitter = yaml_emitter_t()
        guard yaml_emitter_initialize(&emitter) == 1 else { throw EmitError(description: "libyaml: cannot create an emitter") }
        defer { yaml_emitter_delete(&emitter) }
        yaml_emitter_set_unicode(&emitter, 1)
        yaml_emitter_set_width(&emitter, -1)
        yaml_emitter_set_indent(&emitter, 2)
        yaml_emitter_set_break(&emitter, YAML_LN_BREAK)
        try withExtendedLifetime(sink) {
            yaml_emitter_set_output(
                &emitter,
                { data, buffer, size in
                    guard let data, let buffer else { return 0 }
                    Unmanaged<Sink>.fromOpaque(data).takeUnretainedValue().bytes.append(
                        contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                    return 1
                }, Unmanaged.passUnretained(sink).toOpaque())
            try withUnsafeMutablePointer(to: &emitter) { pointer in
                let writer = EventWriter(emitter: pointer)
                try writer.streamStart()
                try writer.value(value)
                try writer.streamEnd()
            }
        }
        return sink.bytes
    }

    private final class Sink {
        var bytes: [UInt8] = []
    }
}

/// Feeds events to one emitter; every libyaml failure becomes an `EmitError`.
private struct EventWriter {
    let emitter: UnsafeMutablePointer<yaml_emitter_t>

    init(emitter: UnsafeMutablePointer<yaml_emitter_t>) { self.emitter = emitter }

    func streamStart() throws {
        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try emit(&event)
        event = yaml_event_t()
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        try emit(&event)
    }

    func streamEnd() throws {
        var event = yaml_event_t()
        yaml_document_end_event_initialize(&event, 1)
        try emit(&event)
        event = yaml_event_t()
        yaml_stream_end_event_initialize(&event)
        try emit(&event)
    }

    func value(_ value: YAMLValue) throws {
        switch value {
        case .string(let text):
            let plain = PlainScalar.resolvesToString(text)
            let style = YAMLEmitter.requestsLiteral(text) ? YAML_LITERAL_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE
            try scalar(text, plainImplicit: plain, quotedImplicit: true, style: style)
        case .int(let number): try scalar(String(number), plainImplicit: true, quotedImplicit: false, style: YAML_PLAIN_SCALAR_STYLE)
        case .bool(let flag):
            try scalar(flag ? "true" : "false", plainImplicit: true, quotedImplicit: false, style: YAML_PLAIN_SCALAR_STYLE)
        case .decimal(let text): try scalar(text, plainImplicit: true, quotedImplicit: false, style: YAML_PLAIN_SCALAR_STYLE)
        case .list(let items):
            var event = yaml_event_t()
            yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE)
            try emit(&event)
            for item in items { try self.value(item) }
            event = yaml_event_t()
            yaml_sequence_end_event_initialize(&event)
            try emit(&event)
        case .map(let map):
            var event = yaml_event_t()
            yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE)
            try emit(&event)
            for entry in map.entries {
                try self.value(.string(entry.key))
                try self.value(entry.value)
            }
            event = yaml_event_t()
            yaml_mapping_end_event_initialize(&event)
            try emit(&event)
        }
    }

    private func scalar(_ text: String, plainImplicit: Bool, quotedImplicit: Bool, style: yaml_scalar_style_t) throws {
        var event = yaml_event_t()
        var bytes = Array(text.utf8)
        let count = Int32(bytes.count)
        let ok = bytes.withUnsafeMutableBufferPointer { buffer in
            // libyaml copies the value; an empty buffer still needs a valid pointer.
            var empty: UInt8 = 0
            return withUnsafeMutablePointer(to: &empty) { fallback in
                yaml_scalar_event_initialize(
                    &event, nil, nil, buffer.baseAddress ?? fallback, count, plainImplicit ? 1 : 0, quotedImplicit ? 1 : 0, style)
            }
        }
        guard ok == 1 else { throw YAMLEmitter.EmitError(description: "libyaml: cannot build a scalar event") }
        try emit(&event)
    }

    /// `yaml_emitter_emit` takes ownership of the event and frees it, on success and on failure.
    private func emit(_ event: inout yaml_event_t) throws {
        guard yaml_emitter_emit(emitter, &event) == 1 else {
            let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown problem"
            throw YAMLEmitter.EmitError(description: "libyaml emitter: \(problem)")
        }
    }
}
