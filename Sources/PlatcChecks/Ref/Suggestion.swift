import PlatcFacts
import PlatcSpec

/// What to say about a name that resolves to nothing: the closest defined name (with a note
/// at its definition and a one-click replacement), else the names that do exist.
struct Suggestion {
    var hint: String
    var replacement: String?
    var notes: [Diagnostic.Note]

    /// - Parameters:
    ///   - kind: what the name should be, for the hint ("model", "tenant", "GPU class").
    ///   - kinds: its plural, when it is not `kind` + "s".
    ///   - defined: every defined name of that kind with the span of its `name`.
    ///   - otherwise: the hint when nothing is close, e.g. "add models/x.yaml or remove the entry".
    ///   - listed: the list the name is in: a close name already there is no fix (it would repeat).
    init(
        for name: String, kind: String, kinds: String? = nil, defined: [Located<String>], otherwise: String, listed: [String] = []
    ) {
        if let closest = DidYouMean.suggest(name, from: defined.map(\.value)), listed.contains(closest),
            let definition = defined.first(where: { $0.value == closest })
        {
            hint = "remove '\(name)' from this list: \(kind) '\(closest)' is already in it"
            replacement = nil
            notes = [.init("\(kind) '\(closest)' is defined here", at: definition.span)]
        } else if let closest = DidYouMean.suggest(name, from: defined.map(\.value)),
            let definition = defined.first(where: { $0.value == closest })
        {
            hint = "did you mean '\(closest)'?"
            replacement = closest
            notes = [.init("\(kind) '\(closest)' is defined here", at: definition.span)]
        } else {
            let names = defined.map(\.value)
            let known = names.isEmpty ? "no \(kind) is defined" : "defined \(kinds ?? kind + "s"): \(Self.list(names))"
            hint = Diagnostic.noSingleValue("\(known); \(otherwise)")
            replacement = nil
            notes = []
        }
    }

    /// At most five names, then how many more: a hint stays one line on a fleet of thousands.
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(5).joined(separator: ", ")
        return names.count > 5 ? "\(shown) and \(names.count - 5) more" : shown
    }
}
