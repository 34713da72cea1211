/// CEL string literals, quoted in one place for the checks' CEL (`TextRewrite`) and the
/// renderer's policies.
public enum CELText {
    /// A single-quoted CEL string literal; backslashes, quotes and line breaks escaped.
    public static func string(_ text: String) -> String {
        var out = "'"
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "'"
    }
}
