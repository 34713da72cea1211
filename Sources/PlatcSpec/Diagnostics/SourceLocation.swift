import Synchronization

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
    // The end and the absence in 32 bits each: spans are in every value the loader returns, and
    // these three fit where two Ints were (48 bytes a span, as before the absence; a file has far
    // fewer than 2³¹ lines). A number copies without the retain a string would cost (3 % of an L
    // render, measured).
    private var storedEndLine: Int32
    private var storedEndColumn: Int32
    /// 0, or which `AbsentFields` entry `absence` is.
    private var absenceIndex: UInt32 = 0

    public var endLine: Int {
        get { Int(storedEndLine) }
        set { storedEndLine = Int32(clamping: newValue) }
    }

    public var endColumn: Int {
        get { Int(storedEndColumn) }
        set { storedEndColumn = Int32(clamping: newValue) }
    }

    /// Set when the value was not written and its default stands in: the span is then the key of
    /// the object that would hold it (`serving:`), and this names the field and its default,
    /// `serving.maxNumSeqs (absent; default 256)`. Every diagnostic and note at such a span says so.
    public var absence: String? { absenceIndex == 0 ? nil : AbsentFields.text(absenceIndex) }

    public init(start: SourceLocation, endLine: Int, endColumn: Int) {
        self.start = start
        storedEndLine = Int32(clamping: endLine)
        storedEndColumn = Int32(clamping: endColumn)
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
    public var isAbsent: Bool { absenceIndex != 0 }

    /// `(absent; default 256)`: what a note at this span adds (its message names the field).
    public var absenceMark: String? {
        guard let absence, let open = absence.range(of: "(absent") else { return nil }
        return String(absence[open.lowerBound...])
    }

    /// This span standing in for field `key` of the object at `path` (`serving`), not written.
    public func standingIn(path: String, key: String, defaultText: String) -> SourceSpan {
        var span = self
        span.absenceIndex = AbsentFields.number(path: path, key: key, defaultText: defaultText)
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

/// The descriptions of absent fields, each stored once per process and numbered from 1; the
/// loader validates files on every core, hence the lock. The numbers never leave the process:
/// what is printed, compared across runs or hashed into a digest is the text.
enum AbsentFields {
    /// A field by the path of its object, its key and its default: three strings that already
    /// exist, so a lookup builds none (the text is built once per field, at its first default).
    private struct Field: Hashable {
        var path: String
        var key: String
        var defaultText: String
    }

    private static let table = Mutex<(numbers: [Field: UInt32], texts: [String])>(([:], []))

    static func number(path: String, key: String, defaultText: String) -> UInt32 {
        let field = Field(path: path, key: key, defaultText: defaultText)
        return table.withLock { table in
            if let number = table.numbers[field] { return number }
            let fieldPath = path.isEmpty ? key : "\(path).\(key)"
            table.texts.append("\(fieldPath) (absent; default \(defaultText))")
            let number = UInt32(table.texts.count)
            table.numbers[field] = number
            return number
        }
    }

    static func text(_ number: UInt32) -> String { table.withLock { $0.texts[Int(number) - 1] } }
}
