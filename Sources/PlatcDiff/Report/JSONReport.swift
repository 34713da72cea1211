import PlatcFacts
import PlatcSpec

/// The machine-readable report, documented field by field in docs/diff.md. Every key is always
/// present (null when it does not apply) and in a fixed order, so the bytes are stable.
public enum JSONReport {
    /// Bumped when a field changes meaning or disappears; new fields do not bump it.
    public static let formatVersion: Int64 = 1

    public static func render(_ report: DiffReport) -> String {
        let set = report.changeSet
        let document = JSONValue.object([
            ("version", .integer(formatVersion)),
            (
                "base",
                .object([
                    ("revision", .string(report.base.revision)), ("commit", string(report.base.commit)),
                    ("subject", string(report.base.subject)),
                ])
            ),
            ("out", .string(report.outPath)),
            (
                "summary",
                .object([
                    ("added", count(set.count(.added))), ("modified", count(set.count(.modified))),
                    ("removed", count(set.count(.removed))), ("renamed", count(set.count(.renamed))), ("moved", count(set.moved)),
                    ("unchanged", count(set.unchanged)),
                ])
            ),
            ("families", .array(set.families.map { family(report, $0) })),
            ("changes", .array(set.changes.map(change))),
            ("platform", .array(report.summary.changes.map(platform))),
            (
                "diagnostics",
                .object([
                    ("introduced", .array(report.summary.introduced.map(diagnostic))),
                    ("resolved", .array(report.summary.resolved.map(diagnostic))),
                ])
            ),
            ("baseUnavailable", string(report.summary.baseUnavailable)),
            ("warnings", .array(set.moveWarnings.map(warning))),
        ])
        return document.serialized() + "\n"
    }

    private static func family(_ report: DiffReport, _ family: Family) -> JSONValue {
        let set = report.changeSet
        return .object([
            ("family", .string(family.id)), ("title", .string(family.rawValue)), ("added", count(set.count(.added, in: family))),
            ("modified", count(set.count(.modified, in: family))), ("removed", count(set.count(.removed, in: family))),
            ("renamed", count(set.count(.renamed, in: family))),
        ])
    }

    private static func change(_ change: ObjectChange) -> JSONValue {
        .object([
            ("change", .string(change.change.rawValue)), ("path", .string(change.path)), ("previousPath", string(change.previousPath)),
            ("family", .string(change.family.id)), ("apiVersion", string(change.identity.apiVersion)),
            ("kind", string(change.identity.kind)),
            ("namespace", string(change.identity.namespace)), ("name", string(change.identity.name)),
            ("insertions", count(change.insertions)), ("deletions", count(change.deletions)),
            ("maskedSecrets", count(change.maskedSecrets)),
            ("application", string(change.application)), ("previousApplication", string(change.isMove ? change.previousApplication : nil)),
            ("moved", .bool(change.isMove)),
            ("patch", .string(change.patch)),
        ])
    }

    private static func warning(_ warning: MoveWarning) -> JSONValue {
        .object([
            ("risk", .string(warning.risk.rawValue)), ("applications", .array(warning.applications.map { .string($0.name) })),
            ("objects", count(warning.objects)), ("text", .string(warning.message)),
        ])
    }

    private static func platform(_ change: PlatformChange) -> JSONValue {
        .object([
            ("topic", .string(change.topic.rawValue)), ("subject", .string(change.subject)), ("field", .string(change.field)),
            ("before", string(change.before)), ("after", string(change.after)), ("text", .string(change.text)),
        ])
    }

    private static func diagnostic(_ diagnostic: DiagnosticChange) -> JSONValue {
        .object([
            ("severity", .string(diagnostic.severity)), ("rule", .string(diagnostic.ruleID)), ("message", .string(diagnostic.message)),
            ("location", string(diagnostic.location)),
        ])
    }

    private static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    private static func count(_ value: Int) -> JSONValue { .integer(Int64(value)) }
}
