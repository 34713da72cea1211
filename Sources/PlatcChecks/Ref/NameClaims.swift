import PlatcFacts
import PlatcSpec

/// Names that must be unique across the platform (aliases, served names): who claims each and
/// where. The first claim in Spec order (models by name, then source order) keeps the name;
/// every later claim of it is a repeat.
struct NameClaims {
    struct Claim {
        var name: String
        /// "model 'a'" or "adapter 'sql' of model 'a'".
        var claimant: String
        var span: SourceSpan
        /// The field the name is written in (`alias`, `servedName`, `name`) and its format.
        var field: String
        var format: StringFormat
        /// A name this claimant could take instead, if it is free.
        var proposal: String
    }

    private(set) var claims: [Claim] = []
    private var first: [String: Int] = [:]

    mutating func add(_ name: Located<String>, by claimant: String, field: String, format: StringFormat, proposal: String) {
        claims.append(Claim(name: name.value, claimant: claimant, span: name.span, field: field, format: format, proposal: proposal))
        if first[name.value] == nil { first[name.value] = claims.count - 1 }
    }

    /// Every claim that repeats an earlier one, with the claim that came first.
    var repeats: [(first: Claim, again: Claim)] {
        claims.enumerated().compactMap { index, claim in
            guard let firstIndex = first[claim.name], firstIndex != index else { return nil }
            return (claims[firstIndex], claim)
        }
    }

    /// The claimant's proposal if nobody claims it and its field accepts it, else the name with
    /// the first free `-2`, `-3`, … suffix; nil when no candidate fits the field's format.
    func freeName(for claim: Claim) -> String? {
        if first[claim.proposal] == nil, claim.format.accepts(claim.proposal) { return claim.proposal }
        for suffix in 2...(claims.count + 2) {
            let candidate = "\(claim.name)-\(suffix)"
            if first[candidate] == nil, claim.format.accepts(candidate) { return candidate }
        }
        return nil
    }
}
