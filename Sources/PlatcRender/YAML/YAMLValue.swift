/// A YAML document as platc writes it: maps keep the order the planner wrote (apiVersion, kind,
/// metadata, spec, … as Kubernetes prints them), so the emitted bytes are fixed by the code, not
/// by hashing. A nil value in a map or list literal is left out, which keeps optional fields terse.
public indirect enum YAMLValue: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case bool(Bool)
    /// A decimal number, written exactly as given (e.g. `0.9`), never through a Double.
    case decimal(String)
    case list([YAMLValue])
    case map(YAMLMap)

    public static func int(_ value: Int) -> YAMLValue { .int(Int64(value)) }

    /// Builds a map from pairs whose order is not meaningful (labels, node selectors): sorted by key.
    public static func sortedMap(_ pairs: [(String, String)]) -> YAMLValue {
        .map(YAMLMap(pairs.sorted { $0.0 < $1.0 }.map { YAMLMap.Entry(key: $0.0, value: .string($0.1)) }))
    }

    public var mapValue: YAMLMap? {
        if case .map(let map) = self { return map }
        return nil
    }

    public var listValue: [YAMLValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value at a dotted path of map keys (`metadata.name`), for tests and identity.
    public subscript(path path: String) -> YAMLValue? {
        var current: YAMLValue? = self
        for key in path.split(separator: ".") { current = current?.mapValue?[String(key)] }
        return current
    }
}

/// An ordered YAML mapping with unique keys.
public struct YAMLMap: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: YAMLValue
        public init(key: String, value: YAMLValue) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var entries: [Entry]

    /// A later entry with an earlier one's key replaces its value in place, as setting it would.
    public init(_ entries: [Entry] = []) {
        var kept: [Entry] = []
        kept.reserveCapacity(entries.count)
        for entry in entries {
            if let index = kept.firstIndex(where: { $0.key == entry.key }) {
                kept[index].value = entry.value
            } else {
                kept.append(entry)
            }
        }
        self.entries = kept
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Setting an existing key replaces its value in place; setting nil removes it.
    public subscript(key: String) -> YAMLValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append(Entry(key: key, value: value))
            case (nil, nil): break
            }
        }
    }
}

extension YAMLMap: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, YAMLValue?)...) {
        self.init(literal: elements)
    }

    /// A literal's keys are written once each in the code (debug builds check): its entries are
    /// taken as they are, without the search for an earlier key that `init(_:)` makes for each.
    init(literal elements: [(String, YAMLValue?)]) {
        self.init(distinct: elements.compactMap { key, value in value.map { Entry(key: key, value: $0) } })
    }

    init(distinct entries: [Entry]) {
        self.entries = entries
        assert(Set(entries.map(\.key)).count == entries.count, "a map repeats a key: \(entries.map(\.key))")
    }
}

extension YAMLValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, YAMLValue?)...) {
        self = .map(YAMLMap(literal: elements))
    }
}

extension YAMLValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: YAMLValue?...) { self = .list(elements.compactMap { $0 }) }
}

extension YAMLValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension YAMLValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self = .int(value) }
}

extension YAMLValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension YAMLValue {
    /// Two maps with different keys as one, `b`'s entries after `a`'s: parts of one literal written
    /// apart (debug builds check the keys, as for a literal).
    public static func + (a: YAMLValue, b: YAMLValue) -> YAMLValue {
        guard let left = a.mapValue, let right = b.mapValue else { preconditionFailure("+ joins two maps") }
        return .map(YAMLMap(distinct: left.entries + right.entries))
    }
}
