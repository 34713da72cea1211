/// Text for Markdown that Git hosts render: the catalog's models.md and `platc diff`'s PR comment.
public enum MarkdownText {
    /// Escapes a value so Markdown shows it as text: HTML-significant characters become entities
    /// (Git hosts render inline HTML), inline markup characters get a backslash, and line breaks
    /// become spaces so a value cannot end a table row or a list item.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#": escaped += "\\" + String(character)
            case "\n", "\r", "\r\n", "\u{2028}", "\u{2029}": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Escapes text for HTML inside Markdown (`<summary>`, `<code>`): entities only, since
    /// Markdown is not parsed there.
    public static func escapeHTML(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\n", "\r", "\r\n": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A code fence longer than any run of backticks in `text`, so the text cannot close it.
    public static func fence(for text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
