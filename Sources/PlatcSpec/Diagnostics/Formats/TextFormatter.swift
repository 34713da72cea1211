/// Renders diagnostics like swiftc and rustc: `path:line:col: error: message [rule]`, the source
/// line with a caret under the span, then the hint and notes.
public struct TextFormatter {
    public var sources: SourceFiles
    /// Prepended to every path, so paths are as the user named the root (`--root fixtures/x`).
    public var pathPrefix: String
    public var color: Bool

    public init(sources: SourceFiles, pathPrefix: String = "", color: Bool = false) {
        self.sources = sources
        self.pathPrefix = pathPrefix
        self.color = color
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        // Secret spans by "file:line", hidden in every source line printed, whoever prints it.
        let secrets = Dictionary(grouping: diagnostics.flatMap(\.redactions)) { "\($0.file):\($0.start.line)" }
        var out = ""
        for diagnostic in diagnostics {
            out += header(diagnostic.span, severity: diagnostic.severity.rawValue, diagnostic.message, rule: diagnostic.ruleID)
            out += snippet(diagnostic.span, secrets)
            if let hint = diagnostic.hint { out += "   " + paint("= hint: ", .cyan) + hint + "\n" }
            for note in diagnostic.notes {
                if let span = note.span {
                    out += header(span, severity: "note", note.message, rule: nil)
                    out += snippet(span, secrets)
                } else {
                    out += "   " + paint("= note: ", .cyan) + note.message + "\n"
                }
            }
        }
        return out
    }

    /// "2 errors, 1 warning" (or "no problems").
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors == 0, warnings == 0 { return "no problems" }
        return [errors > 0 ? Plural.counted(errors, "error") : nil, warnings > 0 ? Plural.counted(warnings, "warning") : nil]
            .compactMap { $0 }.joined(separator: ", ")
    }

    // MARK: - Pieces

    private func header(_ span: SourceSpan?, severity: String, _ message: String, rule: String?) -> String {
        let location = span.map { "\(pathPrefix)\($0.file):\($0.start.line):\($0.start.column): " } ?? "platc: "
        let tone: Tone = severity == "error" ? .red : severity == "warning" ? .yellow : .cyan
        return paint(location, .bold) + paint(severity + ":", tone) + " " + paint(message, .bold)
            + (rule.map { " [\($0)]" } ?? "") + "\n"
    }

    private func snippet(_ span: SourceSpan?, _ secrets: [String: [SourceSpan]]) -> String {
        guard let span, let line = sources.line(span.start.line, of: span.file) else { return "" }
        let number = String(span.start.line)
        let gutter = String(repeating: " ", count: number.count)
        let scalars = Array(line.unicodeScalars)
        let shown = Array(redacted(line, secrets["\(span.file):\(span.start.line)"] ?? []).unicodeScalars)
        let start = min(max(span.start.column - 1, 0), scalars.count)
        // A long line (minified JSON, a generated blob) shows a window around the span, marked
        // with '…' at each cut, so one diagnostic prints one screen line, not megabytes.
        let window = Self.window(count: scalars.count, around: start)
        // Underline to the span's end on its first line, or, when it runs on, to the end of that
        // line's content: never into a trailing comment or trailing spaces.
        let lineEnd = max(window.upperBound, start + 1)
        let end =
            span.endLine == span.start.line
            ? min(max(span.endColumn - 1, start + 1), lineEnd) : max(min(Self.contentEnd(scalars, from: start), lineEnd), start + 1)
        // Keep tabs as tabs so the caret lines up with what the terminal shows.
        let lead = window.lowerBound > 0 ? " " : ""
        let pad = lead + String(String.UnicodeScalarView(scalars[window.lowerBound..<start].map { $0 == "\t" ? "\t" : " " }))
        let marker = "^" + String(repeating: "~", count: max(end - start - 1, 0))
        let text =
            (window.lowerBound > 0 ? "…" : "") + String(String.UnicodeScalarView(shown[window]))
            + (window.upperBound < scalars.count ? "…" : "")
        return " \(number) | \(text)\n \(gutter) | \(pad)\(paint(marker, .green))\n"
    }

    /// Scalars shown of a source line: all of a line up to `maxWidth`, else `maxWidth` of them
    /// starting a little before the span.
    static let maxWidth = 160

    static func window(count: Int, around start: Int) -> Range<Int> {
        guard count > maxWidth else { return 0..<count }
        let lower = min(max(start - 40, 0), count - maxWidth)
        return lower..<(lower + maxWidth)
    }

    /// Where a line's YAML content ends, scanning from `start`: before a ` #` comment outside
    /// quotes, and before trailing spaces. A quote opens a string only where a token starts.
    public static func contentEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start, end = start
        var quote: Unicode.Scalar?
        while index < scalars.count {
            let c = scalars[index]
            let previous: Unicode.Scalar = index > 0 ? scalars[index - 1] : " "
            if let open = quote {
                if open == "\"", c == "\\" {
                    index += 1
                } else if c == open {
                    quote = nil
                }
            } else if c == "#", previous == " " || previous == "\t" {
                break
            } else if c == "'" || c == "\"", index == start || " \t[{,:".unicodeScalars.contains(previous) {
                quote = c
            }
            index += 1
            if c != " ", c != "\t" { end = min(index, scalars.count) }
        }
        return end
    }

    /// The line with each secret span cut to its first four characters and '*' for the rest, so
    /// carets still line up.
    private func redacted(_ line: Substring, _ secrets: [SourceSpan]) -> String {
        guard !secrets.isEmpty else { return String(line) }
        var scalars = Array(line.unicodeScalars)
        for secret in secrets {
            let start = min(max(secret.start.column - 1 + 4, 0), scalars.count)
            let end = secret.endLine == secret.start.line ? min(max(secret.endColumn - 1, start), scalars.count) : scalars.count
            for index in start..<end { scalars[index] = "*" }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    private enum Tone: String {
        case red = "31", yellow = "33", cyan = "36", green = "32", bold = "1"
    }

    private func paint(_ text: String, _ tone: Tone) -> String {
        color ? "\u{1B}[\(tone == .bold ? "1" : "1;" + tone.rawValue)m\(text)\u{1B}[0m" : text
    }
}
