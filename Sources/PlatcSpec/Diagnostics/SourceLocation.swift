/// A 1-based position in a source file. Columns count Unicode scalars, as libyaml does.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Path relative to the platform root, with `/` separators (stable across machines).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A range in one file: where a value starts and where it ends (end exclusive).
/// Diagnostics underline it; a span that ends on a later line underlines to the end of the first.
public struct SourceSpan: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: SourceLocation
    public var endLine: Int
    public var endColumn: Int

    public init(start: SourceLocation, endLine: Int, endColumn: Int) {
        self.start = start
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// A span covering a whole file's first position, for problems that belong to a file.
    public static func file(_ path: String) -> SourceSpan {
        SourceSpan(start: SourceLocation(file: path, line: 1, column: 1), endLine: 1, endColumn: 1)
    }

    public static func point(_ location: SourceLocation, width: Int = 1) -> SourceSpan {
        SourceSpan(start: location, endLine: location.line, endColumn: location.column + width)
    }

    public var file: String { start.file }

    public static func < (a: SourceSpan, b: SourceSpan) -> Bool { a.start < b.start }

    public var description: String { start.description }
}

/// A value with the place in the sources it came from.
@dynamicMemberLookup
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var span: SourceSpan

    public init(_ value: Value, at span: SourceSpan) {
        self.value = value
        self.span = span
    }

    public subscript<T>(dynamicMember keyPath: KeyPath<Value, T>) -> T { value[keyPath: keyPath] }

    public func map<T>(_ transform: (Value) -> T) -> Located<T> { Located<T>(transform(value), at: span) }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
