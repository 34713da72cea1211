/// A rule: a stable id users can search for, and its documentation.
/// Each rule is declared in its own file, named by its id: a load rule in
/// `PlatcSpec/Rules/<Family>/`, a check rule in `PlatcChecks/<Family>/` with its check;
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
    /// The file that declares it, from `Sources/` on: `PlatcChecks/Fit/DoesNotFit.swift`.
    /// Where it is, not what it is: not part of its identity.
    public let definedIn: String

    public init(
        id: String, severity: Severity = .error, summary: String, rationale: String, example: String,
        fix: String, definedIn: String = #filePath
    ) {
        self.id = id
        self.defaultSeverity = severity
        self.summary = summary
        self.rationale = rationale
        self.example = example
        self.fix = fix
        self.definedIn = Self.sourcePath(definedIn)
    }

    public var family: String { String(id.prefix { $0 != "/" }) }

    /// A source file's path from its `Sources/` folder on, whatever folder the package was built
    /// in (`#fileID` names the module and the file, not the folders between); other paths as given.
    static func sourcePath(_ path: String) -> String {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let sources = components.lastIndex(of: "Sources") else { return path }
        return components[(sources + 1)...].joined(separator: "/")
    }

    public static func == (a: Rule, b: Rule) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
