/// A rule: a stable id users can search for, and its documentation.
/// Each rule is declared in its own file under `Rules/` (or the checks module's `Rules/`);
/// docs/rules.md is generated from these values, so the value is the documentation.
public struct Rule: Hashable, Sendable {
    /// Stable API: `family/name`, e.g. `schema/unknown-key`.
    public let id: String
    public let defaultSeverity: Severity
    /// One line: what the rule checks.
    public let summary: String
    /// Why it matters, in a sentence or two.
    public let rationale: String
    /// A minimal source snippet (file path, then YAML) that triggers it.
    public let example: String
    /// How to fix it.
    public let fix: String

    public init(
        id: String, severity: Severity = .error, summary: String, rationale: String, example: String,
        fix: String
    ) {
        self.id = id
        self.defaultSeverity = severity
        self.summary = summary
        self.rationale = rationale
        self.example = example
        self.fix = fix
    }

    public var family: String { String(id.prefix { $0 != "/" }) }

    public static func == (a: Rule, b: Rule) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
