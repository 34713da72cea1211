import PlatcFacts

/// Small builders for the CEL text of the policies, so quoting is done in one place.
enum CEL {
    /// A single-quoted CEL string literal (`CELText`, shared with the checks' CEL).
    static func string(_ text: String) -> String { CELText.string(text) }

    /// A CEL list of string literals, e.g. `['a', 'b']` (homogeneous, as Kyverno's environment
    /// requires).
    static func list(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ", ") + "]" }

    /// `map[key]` when present, else `''` (no error for a missing key).
    static func value(_ map: String, _ key: String) -> String {
        "(\(string(key)) in \(map) ? \(map)[\(string(key))] : '')"
    }
}
