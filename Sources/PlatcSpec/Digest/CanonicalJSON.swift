/// One spelling per meaning: a loaded value as compact JSON that no benign respelling of its
/// source can change. The source digest hashes these texts (docs/render-catalog.md has the rules).
///
/// - Objects hold every field the language knows for them, written or defaulted, so an explicit
///   default and an absent field are the same; keys are sorted by their UTF-8 bytes.
/// - A list the language declares `unique` is a set (SSO groups, tenants, aliases, registries):
///   its items are sorted by their canonical text. Other lists keep their order.
/// - Units are integers of their smallest unit: durations in milliseconds, quantities in
///   thousandths, dollars in millionths, fractions in millionths; so `5m` and `300s` agree.
/// - config.json is its parsed value with every object's keys sorted.
///
/// Written straight into text (no intermediate tree): it runs over every document of a platform.
public enum CanonicalJSON {
    /// `value` read as `type`, the shape the loader validated it against.
    public static func text(_ value: Value, as type: ValueType) -> String {
        var out = ""
        write(value, as: type, into: &out)
        return out
    }

    /// A parsed JSON document with every object's keys sorted.
    public static func sorted(_ json: JSONValue) -> JSONValue {
        switch json {
        case .object(let pairs): .object(pairs.map { ($0.0, sorted($0.1)) }.sorted { precedes($0.0, $1.0) })
        case .array(let items): .array(items.map(sorted))
        default: json
        }
    }

    private static func write(_ value: Value, as type: ValueType, into out: inout String) {
        switch (value, type) {
        case (.object(let object), .object(let shape)):
            // Walk the shape's keys, already in byte order, and look each up: no sort per object.
            out += "{"
            var first = true
            for field in shape.fieldsByKeyBytes {
                guard let value = object.fields[field.key] else { continue }
                if !first { out += "," }
                first = false
                JSONValue.writeString(field.key, into: &out)
                out += ":"
                write(value.value, as: field.type, into: &out)
            }
            // Every key of a validated object is one its shape knows (unknown keys are load errors).
            out += "}"
        case (.list(let items), .list(let element, _, true)):
            out += "[" + items.map { text($0.value, as: element) }.sorted(by: precedes).joined(separator: ",") + "]"
        case (.list(let items), .list(let element, _, false)):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item.value, as: element, into: &out)
            }
            out += "]"
        case (.map(let entries), .map(_, let valueType)):
            writeObject(entries.map { ($0.key.value, $0.value.value, valueType) }, into: &out)
        case (.string(let string), _): JSONValue.writeString(string, into: &out)
        case (.integer(let number), _): out += String(number)
        case (.decimal(let number), _): out += JSONValue.number(number)
        case (.boolean(let flag), _): out += flag ? "true" : "false"
        case (.duration(let duration), _): out += String(duration.milliseconds)
        case (.quantity(let quantity), _): out += String(quantity.milliValue)
        case (.usd(let usd), _): out += String(usd.micros)
        case (.fraction(let fraction), _): out += String(fraction.millionths)
        // A container whose declared type disagrees cannot come out of the validator.
        case (.list, _), (.object, _), (.map, _): out += "null"
        }
    }

    /// `{"key":value,…}`, keys sorted; each value written as its field's type.
    private static func writeObject(_ fields: [(key: String, value: Value, type: ValueType)], into out: inout String) {
        out += "{"
        for (index, field) in fields.sorted(by: { precedes($0.key, $1.key) }).enumerated() {
            if index > 0 { out += "," }
            JSONValue.writeString(field.key, into: &out)
            out += ":"
            write(field.value, as: field.type, into: &out)
        }
        out += "}"
    }

    private static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
