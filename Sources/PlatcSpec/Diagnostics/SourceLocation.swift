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
/// Diagnostics underline it; a span that ends on a later line underlines to the end of the first
/// line's content (never into a trailing comment).
public struct SourceSpan: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: SourceLocation
    public var endLine: Int
    public var endColumn: Int
    /// Set when the value was not written and its default stands in: the span is then the key of
    /// the object that would hold it (`serving:`), and this names the field and its default,
    /// `serving.maxNumSeqs (absent; default 256)`. Every diagnostic and note at such a span says so.
    public var absence: String?

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

    /// The value was not written: a default stands in (see `absence`).
    public var isAbsent: Bool { absence != nil }

    /// `(absent; default 256)`: what a note at this span adds (its message names the field).
    public var absenceMark: String? {
        guard let absence, let open = absence.range(of: "(absent") else { return nil }
        return String(absence[open.lowerBound...])
    }

    /// This span standing in for `path`, which was not written and defaults to `defaultText`.
    public func standingIn(for path: String, defaultText: String) -> SourceSpan {
        var span = self
        span.absence = "\(path) (absent; default \(defaultText))"
        return span
    }

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
