import PlatcFacts
import PlatcSpec

/// The parts of a sum, as notes: the largest first, at most `limit` of them, the rest in one
/// line, so a platform with thousands of tenants still prints a short finding.
struct Contributions {
    struct Part {
        let amount: Int64
        let note: Diagnostic.Note
    }

    /// Enough to show the parts that matter; the output stays bounded at fleet scale.
    static let limit = 5

    var parts: [Part] = []

    mutating func add(_ amount: Int64, _ message: String, at span: SourceSpan) {
        parts.append(Part(amount: amount, note: Diagnostic.Note(message, at: span)))
    }

    /// The largest parts (ties in source order), then "and 3 more <noun>s: <rest>".
    func notes(noun: String, rest: (Int64) -> String) -> [Diagnostic.Note] {
        let ranked = parts.enumerated().sorted { a, b in
            a.element.amount != b.element.amount ? a.element.amount > b.element.amount : a.offset < b.offset
        }.map(\.element)
        var notes = ranked.prefix(Self.limit).map(\.note)
        let others = ranked.dropFirst(Self.limit)
        if !others.isEmpty {
            let total = others.reduce(Int64(0)) { Saturating.add($0, $1.amount) }
            notes.append(Diagnostic.Note("and \(Plural.counted(Int64(others.count), "more " + noun)): \(rest(total))"))
        }
        return notes
    }
}
