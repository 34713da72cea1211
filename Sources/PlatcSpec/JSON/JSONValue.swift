/// A JSON document with object keys in a fixed order. platc writes every JSON it emits (check
/// reports, SARIF, the language schema) through this type, so bytes are stable.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.integer(let x), .integer(let y)): x == y
        case (.double(let x), .double(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var integerValue: Int64? {
        switch self {
        case .integer(let i): i
        case .double(let d) where d.rounded() == d && abs(d) < 9e15: Int64(d)
        default: nil
        }
    }
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }

    /// Two-space indented JSON, keys in the order given, ending without a newline.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .double(let d): out += JSONValue.number(d)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            Self.writeContainer(items.count, open: "[", close: "]", into: &out, indent: indent) { index, out, inner in
                items[index].write(into: &out, indent: inner)
            }
        case .object(let pairs):
            Self.writeContainer(pairs.count, open: "{", close: "}", into: &out, indent: indent) { index, out, inner in
                JSONValue.writeString(pairs[index].0, into: &out)
                out += indent == nil ? ":" : ": "
                pairs[index].1.write(into: &out, indent: inner)
            }
        }
    }

    /// `count` items between `open` and `close`, each on its own indented line when pretty.
    /// Written in place: no array of the items is built for each container.
    private static func writeContainer(
        _ count: Int, open: String, close: String, into out: inout String, indent: Int?,
        item: (Int, inout String, Int?) -> Void
    ) {
        out += open
        guard count > 0 else { return out += close }
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            if index > 0 { out += "," }
            if let inner { out += "\n" + String(repeating: " ", count: inner) }
            item(index, &out, inner)
        }
        if let indent { out += "\n" + String(repeating: " ", count: indent) }
        out += close
    }

    /// A double as JSON: a whole number as an integer (`10000.0` is `10000`), else the shortest
    /// text that reads back the same value; NaN and infinities, which JSON lacks, as null.
    static func number(_ d: Double) -> String {
        d.isFinite ? (d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : "\(d)") : "null"
    }

    /// Escapes `"`, `\\`, control characters and U+2028/U+2029 (which end a line in JavaScript);
    /// everything else is copied in runs of UTF-8 bytes, not scalar by scalar (it is on every
    /// path that writes JSON, the source digest's included).
    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        var text = s
        text.withUTF8 { bytes in
            var run = 0
            var index = 0
            func flush(upTo end: Int) {
                if end > run { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[run..<end]), as: UTF8.self) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                var width = 1
                let escaped: String?
                switch byte {
                case 0x22: escaped = "\\\""
                case 0x5C: escaped = "\\\\"
                case 0x0A: escaped = "\\n"
                case 0x0D: escaped = "\\r"
                case 0x09: escaped = "\\t"
                case 0x00..<0x20: escaped = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] & 0xFE) == 0xA8:
                    escaped = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default: escaped = nil
                }
                if let escaped {
                    flush(upTo: index)
                    out += escaped
                    run = index + width
                }
                index += width
            }
            flush(upTo: bytes.count)
        }
        out += "\""
    }
}
