/// Text for Markdown that Git hosts render: the catalog's models.md and `platc diff`'s PR comment.
public enum MarkdownText {
    /// Escapes a value so Markdown shows it as text: HTML-significant characters become entities
    /// (Git hosts render inline HTML), inline markup characters get a backslash, and line breaks
    /// become spaces so a value cannot end a table row or a list item.
    public static func escape(_ text: String) -> String {
        // Per Unicode scalar, not per Character: `|` followed by a combining mark is one Character
        // and would otherwise pass unescaped and split a table cell.
        var escaped = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#": escaped += "\\" + String(scalar)
            case "\n" where previous == "\r": continue  // CRLF is one break: one space
            case "\n", "\r", "\u{2028}", "\u{2029}": escaped += " "
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Escapes text for HTML inside Markdown (`<summary>`, `<code>`): entities only, since
    /// Markdown is not parsed there. Per scalar, as `escape`.
    public static func escapeHTML(_ text: String) -> String {
        var escaped = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\n" where previous == "\r": continue
            case "\n", "\r": escaped += " "
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// A code fence longer than any run of backticks in `text`, so the text cannot close it.
    public static func fence(for text: String) -> String {
        var longest = 0, run = 0
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
