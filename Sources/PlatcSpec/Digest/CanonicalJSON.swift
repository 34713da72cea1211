/// One spelling per meaning: a loaded value as JSON that no benign respelling of its source can
/// change. The source digest hashes these texts (docs/render-catalog.md has the rules).
///
/// - Objects hold every field the language knows for them, written or defaulted, so an explicit
///   default and an absent field are the same; keys are sorted by their UTF-8 bytes.
/// - A list the language declares `unique` is a set (SSO groups, tenants, aliases, registries):
///   its items are sorted by their canonical text. Other lists keep their order.
/// - Units are integers of their smallest unit: durations in milliseconds, quantities in
///   thousandths, dollars in millionths, fractions in millionths; so `1m` and `60s` agree.
/// - config.json is its parsed value with keys sorted (numbers as the JSON writer prints them).
public enum CanonicalJSON {
    /// `value` read as `type`, the shape the loader validated it against.
    public static func of(_ value: Value, as type: ValueType) -> JSONValue {
        switch (value, type) {
        case (.object(let object), .object(let shape)):
            return .object(
                sortedByKey(
                    object.fields.map { key, field in
                        (key, of(field.value, as: shape.field(key)?.type ?? .string(.text)))
                    }))
        case (.list(let items), .list(let element, _, let unique)):
            let values = items.map { of($0.value, as: element) }
            guard unique else { return .array(values) }
            return .array(
                values.map { ($0.serialized(pretty: false), $0) }
                    .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.map(\.1))
        case (.map(let entries), .map(_, let valueType)):
            return .object(sortedByKey(entries.map { ($0.key.value, of($0.value.value, as: valueType)) }))
        default:
            return scalar(value)
        }
    }

    /// A parsed JSON document with every object's keys sorted.
    public static func sorted(_ json: JSONValue) -> JSONValue {
        switch json {
        case .object(let pairs): .object(sortedByKey(pairs.map { ($0.0, sorted($0.1)) }))
        case .array(let items): .array(items.map(sorted))
        default: json
        }
    }

    private static func scalar(_ value: Value) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .integer(let number): .integer(number)
        case .decimal(let number): .double(number)
        case .boolean(let flag): .bool(flag)
        case .duration(let duration): .integer(duration.milliseconds)
        case .quantity(let quantity): .integer(quantity.milliValue)
        case .usd(let usd): .integer(usd.micros)
        case .fraction(let fraction): .integer(fraction.millionths)
        // A container whose type disagrees cannot come out of the validator; keep its items.
        case .list(let items): .array(items.map { scalar($0.value) })
        case .object(let object): .object(sortedByKey(object.fields.map { ($0.key, scalar($0.value.value)) }))
        case .map(let entries): .object(sortedByKey(entries.map { ($0.key.value, scalar($0.value.value)) }))
        }
    }

    private static func sortedByKey(_ pairs: [(String, JSONValue)]) -> [(String, JSONValue)] {
        pairs.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    }
}
