import Foundation
import PlatcFacts
import PlatcSpec

/// Keeps secrets out of every message, not only out of policy/inline-secret's own: a loader
/// error quotes the value it refuses (`'name' is not a DNS-1123 label: 'hf_…'`), and CI logs
/// are read by everyone who can read the repository. Each secret the scan found in the sources,
/// and each secret-shaped token in the text itself, is cut to its first four characters and `…`
/// in messages, hints, notes and replacements.
enum SecretRedaction {
    static func redact(_ diagnostics: [Diagnostic], sources: SourceFiles) -> [Diagnostic] {
        let secrets = secretTexts(in: diagnostics, sources: sources)
        return diagnostics.map { diagnostic in
            var masked = diagnostic
            masked.message = mask(diagnostic.message, secrets)
            masked.hint = diagnostic.hint.map { mask($0, secrets) }
            masked.replacement = diagnostic.replacement.map { mask($0, secrets) }
            masked.notes = diagnostic.notes.map { Diagnostic.Note(mask($0.message, secrets), at: $0.span) }
            return masked
        }
    }

    /// The source text under every redaction span, longest first (so a secret that contains
    /// another is cut whole).
    private static func secretTexts(in diagnostics: [Diagnostic], sources: SourceFiles) -> [String] {
        var texts = Set<String>()
        for span in diagnostics.flatMap(\.redactions) {
            let lines = sources.lines(of: span.file)
            guard span.start.line >= 1, span.start.line <= lines.count else { continue }
            let scalars = Array(lines[span.start.line - 1].unicodeScalars)
            let lower = span.start.column - 1, upper = min(span.endColumn - 1, scalars.count)
            guard lower >= 0, lower < upper else { continue }
            texts.insert(String(String.UnicodeScalarView(scalars[lower..<upper])))
        }
        return texts.sorted { ($0.unicodeScalars.count, $0) > ($1.unicodeScalars.count, $1) }
    }

    private static func mask(_ text: String, _ secrets: [String]) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: shortened(Substring(secret).unicodeScalars))
        }
        // Token shapes in the message itself, e.g. a secret from a config.json value.
        let scalars = Array(result.unicodeScalars)
        let findings = SecretScanner.scan(scalars: scalars).map(\.range).sorted { $0.lowerBound > $1.lowerBound }
        guard !findings.isEmpty else { return result }
        var view = scalars
        for range in findings { view.replaceSubrange(range, with: shortened(scalars[range]).unicodeScalars) }
        return String(String.UnicodeScalarView(view))
    }

    private static func shortened<Scalars: Collection<Unicode.Scalar>>(_ secret: Scalars) -> String {
        String(String.UnicodeScalarView(secret.prefix(4))) + "…"
    }
}
