/// checkov's suppression of one check on one object: `checkov.io/skip<n>: <check>=<reason>` in the
/// object's annotations (docs/security.md, "Skips"). Only where the check is wrong for the object,
/// never globally, and always with the reason, which must hold no `=` (checkov splits on it).
enum CheckovSkip {
    static func annotations(_ skips: [(check: String, reason: String)]) -> [(String, String)] {
        skips.enumerated().map { index, skip in
            precondition(!skip.reason.contains("="), "a checkov skip reason cannot hold '='")
            return ("checkov.io/skip\(index + 1)", "\(skip.check)=\(skip.reason)")
        }
    }
}
