/// How bad a finding is. Errors stop a render; warnings are reported and allowed.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding about the sources: what is wrong, where, which rule says so, and how to fix it.
public struct Diagnostic: Hashable, Sendable {
    /// A secondary location that explains the finding ("first defined here").
    public struct Note: Hashable, Sendable {
        public var message: String
        public var span: SourceSpan?

        public init(_ message: String, at span: SourceSpan? = nil) {
            self.message = message
            self.span = span
        }
    }

    public var severity: Severity
    public var ruleID: String
    public var message: String
    /// nil only for problems that belong to no file (e.g. the root folder is missing a folder).
    public var span: SourceSpan?
    public var notes: [Note]
    /// What to do about it, e.g. "did you mean `borrowingLimit`?".
    public var hint: String?
    /// A replacement for the underlined text, when there is exactly one sensible fix.
    public var replacement: String?
    /// Source text that is secret (policy/inline-secret): formats that echo source lines show only
    /// the first four characters of each of these spans, whichever diagnostic prints the line.
    public var redactions: [SourceSpan] = []

    public init(
        _ severity: Severity, rule: Rule, _ message: String, at span: SourceSpan?,
        notes: [Note] = [], hint: String? = nil, replacement: String? = nil
    ) {
        self.severity = severity
        self.ruleID = rule.id
        self.message = message
        self.span = span
        // A finding about a default points at the key of the object that would hold it: say
        // which field is absent and what it defaults to.
        self.notes = notes.map { note in
            guard let mark = note.span?.absenceMark else { return note }
            return Note("\(note.message) \(mark)", at: note.span)
        }
        if let absence = span?.absence { self.notes.insert(Note(absence), at: 0) }
        self.hint = hint
        self.replacement = replacement
    }

    /// A hint that proposes no value, saying so: the finding has no one value that fixes it (a
    /// digest platc cannot know, a choice among several edits). Every other error's hint leads
    /// with a `key: value` (or `key: value, key: value`) that, applied at the caret, passes.
    public static func noSingleValue(_ advice: String) -> String { "no single value fixes this: \(advice)" }

    /// The order every output format uses: file, line, column, then rule id and message.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let fileA = a.span?.file ?? "", fileB = b.span?.file ?? ""
        if fileA != fileB { return fileA < fileB }
        let lineA = a.span?.start.line ?? 0, lineB = b.span?.start.line ?? 0
        if lineA != lineB { return lineA < lineB }
        let columnA = a.span?.start.column ?? 0, columnB = b.span?.start.column ?? 0
        if columnA != columnB { return columnA < columnB }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.message < b.message
    }
}

/// Collects findings from every phase. The core never prints; the CLI sorts and renders.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func emit(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public mutating func error(
        _ rule: Rule, _ message: String, at span: SourceSpan?, notes: [Diagnostic.Note] = [],
        hint: String? = nil, replacement: String? = nil
    ) {
        emit(Diagnostic(.error, rule: rule, message, at: span, notes: notes, hint: hint, replacement: replacement))
    }

    public mutating func warning(
        _ rule: Rule, _ message: String, at span: SourceSpan?, notes: [Diagnostic.Note] = [],
        hint: String? = nil, replacement: String? = nil
    ) {
        emit(Diagnostic(.warning, rule: rule, message, at: span, notes: notes, hint: hint, replacement: replacement))
    }

    public mutating func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Sorted by file, line, column, rule; exact repeats (an aliased node seen twice) dropped.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.sorted(by: Diagnostic.reportOrder).filter { seen.insert($0).inserted }
    }
}
