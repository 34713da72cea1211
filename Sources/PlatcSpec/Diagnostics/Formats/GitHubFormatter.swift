/// GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request.
/// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
public enum GitHubFormatter {
    public static func format(_ diagnostics: [Diagnostic], pathPrefix: String = "") -> String {
        var out = ""
        for d in diagnostics {
            let command = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
            var properties: [String] = []
            if let span = d.span {
                properties += [
                    "file=\(escapeProperty(pathPrefix + span.file))", "line=\(span.start.line)", "col=\(span.start.column)",
                ]
                if span.endLine == span.start.line { properties += ["endColumn=\(span.endColumn)"] }
            }
            properties.append("title=\(escapeProperty(d.ruleID))")
            var message = d.message
            if let hint = d.hint { message += "\nhint: \(hint)" }
            for note in d.notes {
                message +=
                    "\nnote: \(note.message)" + (note.span.map { " (\(pathPrefix)\($0.file):\($0.start.line):\($0.start.column))" } ?? "")
            }
            out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }
        return out
    }

    static func escapeData(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
