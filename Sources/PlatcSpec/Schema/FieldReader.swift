/// Reads typed fields out of a validated object. Validation has already reported every missing
/// or mistyped field, so a read that fails throws `Unreadable` and the document is skipped.
public struct FieldReader: Sendable {
    public struct Unreadable: Error {
        public let path: String
    }

    public let object: ObjectValue

    public init(_ value: Located<Value>) throws {
        guard case .object(let object) = value.value else { throw Unreadable(path: "") }
        self.object = object
    }

    public var span: SourceSpan { object.span }

    public func has(_ key: String) -> Bool { object.fields[key] != nil }
    /// The source wrote `key` (with a value): false for a default standing in.
    public func isWritten(_ key: String) -> Bool { object.written.contains(key) }

    private func field(_ key: String) throws -> Located<Value> {
        guard let value = object.fields[key] else { throw Unreadable(path: key) }
        return value
    }

    private func read<T>(_ key: String, _ extract: (Value) -> T?) throws -> Located<T> {
        let value = try field(key)
        guard let typed = extract(value.value) else { throw Unreadable(path: key) }
        return Located(typed, at: value.span)
    }

    private func optional<T>(_ key: String, _ extract: (Value) -> T?) throws -> Located<T>? {
        has(key) ? try read(key, extract) : nil
    }

    public func string(_ key: String) throws -> Located<String> { try read(key, \.asString) }
    public func integer(_ key: String) throws -> Located<Int64> { try read(key, \.asInteger) }
    public func decimal(_ key: String) throws -> Located<Double> { try read(key, \.asDecimal) }
    public func boolean(_ key: String) throws -> Located<Bool> { try read(key, \.asBoolean) }
    public func duration(_ key: String) throws -> Located<Duration> { try read(key, \.asDuration) }
    public func quantity(_ key: String) throws -> Located<Quantity> { try read(key, \.asQuantity) }
    public func usd(_ key: String) throws -> Located<USD> { try read(key, \.asUSD) }
    public func fraction(_ key: String) throws -> Located<Fraction> { try read(key, \.asFraction) }

    public func optionalString(_ key: String) throws -> Located<String>? { try optional(key, \.asString) }
    public func optionalInteger(_ key: String) throws -> Located<Int64>? { try optional(key, \.asInteger) }
    public func optionalDecimal(_ key: String) throws -> Located<Double>? { try optional(key, \.asDecimal) }
    public func optionalDuration(_ key: String) throws -> Located<Duration>? { try optional(key, \.asDuration) }
    public func optionalQuantity(_ key: String) throws -> Located<Quantity>? { try optional(key, \.asQuantity) }
    public func optionalUSD(_ key: String) throws -> Located<USD>? { try optional(key, \.asUSD) }
    public func optionalFraction(_ key: String) throws -> Located<Fraction>? { try optional(key, \.asFraction) }

    /// A `oneOf` field read as its Swift enum.
    public func choice<E: RawRepresentable & Sendable>(_ key: String, as: E.Type) throws -> Located<E> where E.RawValue == String {
        try read(key) { $0.asString.flatMap(E.init(rawValue:)) }
    }

    public func optionalChoice<E: RawRepresentable & Sendable>(_ key: String, as: E.Type) throws -> Located<E>?
    where E.RawValue == String {
        has(key) ? try choice(key, as: E.self) : nil
    }

    public func object<T>(_ key: String, _ make: (FieldReader) throws -> T) throws -> T {
        try make(FieldReader(field(key)))
    }

    public func optionalObject<T>(_ key: String, _ make: (FieldReader) throws -> T) throws -> T? {
        has(key) ? try object(key, make) : nil
    }

    /// A list of scalars or objects; absent lists read as empty.
    public func list<T>(_ key: String, _ make: (Located<Value>) throws -> T) throws -> [T] {
        guard has(key) else { return [] }
        guard case .list(let items) = try field(key).value else { throw Unreadable(path: key) }
        return try items.map(make)
    }

    public func strings(_ key: String) throws -> [Located<String>] {
        try list(key) { item in
            guard let text = item.value.asString else { throw Unreadable(path: key) }
            return Located(text, at: item.span)
        }
    }

    public func objects<T>(_ key: String, _ make: (FieldReader) throws -> T) throws -> [T] {
        try list(key) { try make(FieldReader($0)) }
    }

    /// A mapping keyed by names, sorted by key: the order keys are written in means nothing,
    /// so it must not reach what is built from the Spec. Absent maps read as empty.
    public func map<T>(_ key: String, _ make: (Located<Value>) throws -> T) throws -> [(key: Located<String>, value: T)] {
        guard has(key) else { return [] }
        guard case .map(let entries) = try field(key).value else { throw Unreadable(path: key) }
        return try entries.sorted { $0.key.value < $1.key.value }.map { (key: $0.key, value: try make($0.value)) }
    }
}

extension Value {
    var asString: String? { if case .string(let v) = self { v } else { nil } }
    var asInteger: Int64? { if case .integer(let v) = self { v } else { nil } }
    var asDecimal: Double? { if case .decimal(let v) = self { v } else { nil } }
    var asBoolean: Bool? { if case .boolean(let v) = self { v } else { nil } }
    var asDuration: Duration? { if case .duration(let v) = self { v } else { nil } }
    var asQuantity: Quantity? { if case .quantity(let v) = self { v } else { nil } }
    var asUSD: USD? { if case .usd(let v) = self { v } else { nil } }
    var asFraction: Fraction? { if case .fraction(let v) = self { v } else { nil } }
}
