/// The source language, declared once as data. The loader validates YAML against these shapes,
/// `platc schema` turns the same values into JSON Schema, and docs/language.md is generated from
/// them: there is no second copy to drift.
public indirect enum ValueType: Sendable {
    case string(StringFormat)
    case integer(min: Int64, max: Int64)
    /// A plain decimal number with bounds, for ratios such as an overcommit factor.
    case decimal(min: Double, max: Double)
    case boolean
    case duration
    case quantity(Quantity.Kind)
    case usd
    case fraction
    /// One of a fixed set of words.
    case oneOf([String])
    case list(ValueType, minItems: Int = 0, unique: Bool = false)
    case object(ObjectShape)
    /// A mapping with keys of a format (e.g. GPU class names) and values of one type.
    case map(key: StringFormat, value: ValueType)

    var isScalar: Bool {
        switch self {
        case .list, .object, .map: false
        default: true
        }
    }

    /// In words, for "expected …, got …" messages.
    public var noun: String {
        switch self {
        case .string(let format): format == .text ? "a string" : format.noun
        case .integer: "an integer"
        case .decimal: "a number"
        case .boolean: "true or false"
        case .duration: "a duration (e.g. 30s)"
        case .quantity(.memory): "a memory quantity (e.g. 24Gi)"
        case .quantity(.cpu): "a CPU quantity (e.g. 500m or 4)"
        case .usd: "a US dollar amount"
        case .fraction: "a fraction (0 < x ≤ 1)"
        case .oneOf(let words): "one of " + words.joined(separator: ", ")
        case .list: "a list"
        case .object(let shape): "a mapping (\(shape.name))"
        case .map: "a mapping"
        }
    }
}

/// One key of an object.
public struct FieldShape: Sendable {
    public var key: String
    public var type: ValueType
    public var required: Bool
    public var doc: String
    /// YAML text of the value used when the key is absent; parsed like a written value.
    public var defaultValue: String?
    /// An example value shown in docs/language.md when the field has no default.
    public var example: String?

    public static func required(_ key: String, _ type: ValueType, _ doc: String, example: String? = nil) -> FieldShape {
        FieldShape(key: key, type: type, required: true, doc: doc, defaultValue: nil, example: example)
    }

    public static func optional(
        _ key: String, _ type: ValueType, _ doc: String, default defaultValue: String? = nil, example: String? = nil
    ) -> FieldShape {
        FieldShape(key: key, type: type, required: false, doc: doc, defaultValue: defaultValue, example: example)
    }
}

/// A mapping with known keys. Unknown keys are errors.
public struct ObjectShape: Sendable {
    public var name: String
    public var doc: String
    public let fields: [FieldShape]
    /// `fields` in the byte order of their keys: the order canonical JSON writes them in.
    public let fieldsByKeyBytes: [FieldShape]
    /// Optional keys of which exactly one must be written (an env variable's `value` or `valueFrom`).
    public var oneOf: [String]
    /// In a list declared unique, the field that tells its items apart (an env variable's `name`).
    public var identity: String?
    /// A second form of the object: with `key` written, the `replaces` fields must be absent, and
    /// those marked required are required only without it (a Model hosted by a `provider` has no
    /// `source` or `serving`).
    public var alternative: Alternative?

    public struct Alternative: Sendable {
        public var key: String
        public var replaces: [String]
    }

    public init(
        _ name: String, doc: String, fields: [FieldShape], oneOf: [String] = [], identity: String? = nil,
        alternative: Alternative? = nil
    ) {
        self.name = name
        self.doc = doc
        self.fields = fields
        fieldsByKeyBytes = fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        self.oneOf = oneOf
        self.identity = identity
        self.alternative = alternative
    }

    /// Whether `key` is one the alternative form leaves out.
    public func isReplaced(_ key: String) -> Bool { alternative?.replaces.contains(key) ?? false }

    public func field(_ key: String) -> FieldShape? { fields.first { $0.key == key } }
}
