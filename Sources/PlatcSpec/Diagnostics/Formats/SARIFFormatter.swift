/// SARIF 2.1.0 (OASIS), the format code-scanning services ingest: one `rules` entry per rule id
/// platc knows, one `result` per diagnostic. Validated against the official schema in the tests.
public enum SARIFFormatter {
    public static func format(
        _ diagnostics: [Diagnostic], rules: [Rule], toolVersion: String, pathPrefix: String = ""
    ) -> String {
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driver: JSONValue = .object([
            ("name", .string("platc")),
            ("version", .string(toolVersion)),
            ("rules", .array(rules.map(rule))),
        ])
        let run: JSONValue = .object([
            ("tool", .object([("driver", driver)])),
            ("columnKind", .string("unicodeCodePoints")),
            (
                "originalUriBaseIds",
                .object([("PLATFORMROOT", .object([("description", .object([("text", .string("The platform root that platc read."))]))]))])
            ),
            ("results", .array(diagnostics.map { result($0, ruleIndex: index[$0.ruleID], pathPrefix: pathPrefix) })),
        ])
        let log: JSONValue = .object([
            ("$schema", .string("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return log.serialized() + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    static func rule(_ rule: Rule) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.rationale))])),
            ("help", .object([("text", .string(rule.fix))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.defaultSeverity)))])),
        ])
    }

    static func location(_ span: SourceSpan, message: String?, pathPrefix: String) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            (
                "physicalLocation",
                .object([
                    ("artifactLocation", .object([("uri", .string(pathPrefix + span.file)), ("uriBaseId", .string("PLATFORMROOT"))])),
                    (
                        "region",
                        .object([
                            ("startLine", .integer(Int64(span.start.line))), ("startColumn", .integer(Int64(span.start.column))),
                            ("endLine", .integer(Int64(span.endLine))), ("endColumn", .integer(Int64(max(span.endColumn, 1)))),
                        ])
                    ),
                ])
            )
        ]
        if let message { pairs.append(("message", .object([("text", .string(message))]))) }
        return .object(pairs)
    }

    static func result(_ d: Diagnostic, ruleIndex: Int?, pathPrefix: String) -> JSONValue {
        var text = d.message
        if let hint = d.hint { text += " (hint: \(hint))" }
        var pairs: [(String, JSONValue)] = [("ruleId", .string(d.ruleID))]
        if let ruleIndex { pairs.append(("ruleIndex", .integer(Int64(ruleIndex)))) }
        pairs += [("level", .string(level(d.severity))), ("message", .object([("text", .string(text))]))]
        if let span = d.span { pairs.append(("locations", .array([location(span, message: nil, pathPrefix: pathPrefix)]))) }
        let related = d.notes.compactMap { note in note.span.map { location($0, message: note.message, pathPrefix: pathPrefix) } }
        if !related.isEmpty {
            pairs.append(
                (
                    "relatedLocations",
                    .array(
                        related.enumerated().map { i, loc in
                            guard case .object(let p) = loc else { return loc }
                            return .object([("id", .integer(Int64(i)))] + p)
                        })
                ))
        }
        return .object(pairs)
    }
}
