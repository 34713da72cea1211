/// A YAML value after validation against its `ValueType`: typed, in range, with its span.
public indirect enum Value: Sendable {
    case string(String)
    case integer(Int64)
    case decimal(Double)
    case boolean(Bool)
    case duration(Duration)
    case quantity(Quantity)
    case usd(USD)
    case fraction(Fraction)
    case list([Located<Value>])
    case object(ObjectValue)
    case map([MapEntry])

    public struct MapEntry: Sendable {
        public var key: Located<String>
        public var value: Located<Value>
    }
}

/// A validated object: every present or defaulted field, by key.
public struct ObjectValue: Sendable {
    public var shape: String
    public var fields: [String: Located<Value>]
    public var span: SourceSpan
    /// The keys the source wrote; the other fields are defaults.
    public var written: Set<String> = []
}
