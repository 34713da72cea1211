/// The `--format json` report. Its schema is API (docs/diagnostics.md); every key is always
/// present, with null where a value does not apply.
public enum JSONFormatter {
    public static let schemaVersion: Int64 = 1

    public static func format(_ diagnostics: [Diagnostic], pathPrefix: String = "") -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let report: JSONValue = .object([
            ("version", .integer(schemaVersion)),
            ("summary", .object([("errors", .integer(Int64(errors))), ("warnings", .integer(Int64(warnings)))])),
            ("diagnostics", .array(diagnostics.map { encode($0, pathPrefix: pathPrefix) })),
        ])
        return report.serialized() + "\n"
    }

    static func encode(_ d: Diagnostic, pathPrefix: String) -> JSONValue {
        .object(
            [
                ("severity", .string(d.severity.rawValue)),
                ("rule", .string(d.ruleID)),
                ("message", .string(d.message)),
            ] + location(d.span, pathPrefix: pathPrefix) + [
                ("hint", d.hint.map(JSONValue.string) ?? .null),
                ("replacement", d.replacement.map(JSONValue.string) ?? .null),
                ("notes", .array(d.notes.map { .object([("message", .string($0.message))] + location($0.span, pathPrefix: pathPrefix)) })),
            ])
    }

    static func location(_ span: SourceSpan?, pathPrefix: String) -> [(String, JSONValue)] {
        guard let span else {
            return [("file", .null), ("line", .null), ("column", .null), ("endLine", .null), ("endColumn", .null)]
        }
        return [
            ("file", .string(pathPrefix + span.file)), ("line", .integer(Int64(span.start.line))),
            ("column", .integer(Int64(span.start.column))), ("endLine", .integer(Int64(span.endLine))),
            ("endColumn", .integer(Int64(span.endColumn))),
        ]
    }
}
