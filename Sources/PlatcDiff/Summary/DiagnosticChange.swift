import PlatcSpec

/// A finding of `platc check` that the pull request introduces or resolves.
public struct DiagnosticChange: Sendable, Equatable {
    /// "error", "warning" or "note".
    public var severity: String
    public var ruleID: String
    public var message: String
    /// "tenants/search.yaml:12:3" on the side the finding exists on; nil for findings of no file.
    public var location: String?

    public init(severity: String, ruleID: String, message: String, location: String?) {
        self.severity = severity
        self.ruleID = ruleID
        self.message = message
        self.location = location
    }

    init(_ diagnostic: Diagnostic) {
        self.init(
            severity: diagnostic.severity.rawValue, ruleID: diagnostic.ruleID, message: diagnostic.message,
            location: diagnostic.span?.description)
    }

    /// What makes two findings the same one across the revisions: not the location, since any edit
    /// above a finding shifts its line.
    private struct Identity: Hashable {
        let severity: Severity
        let ruleID: String
        let message: String

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity
            ruleID = diagnostic.ruleID
            message = diagnostic.message
        }
    }

    /// The findings of `side` beyond their count in `other` (a multiset difference), in report
    /// order: two equal findings before and three after make one introduced.
    static func unmatched(_ side: [Diagnostic], against other: [Diagnostic]) -> [DiagnosticChange] {
        var remaining: [Identity: Int] = [:]
        for diagnostic in other { remaining[Identity(diagnostic), default: 0] += 1 }
        var unmatched: [DiagnosticChange] = []
        for diagnostic in side.sorted(by: Diagnostic.reportOrder) {
            let identity = Identity(diagnostic)
            if let count = remaining[identity], count > 0 {
                remaining[identity] = count - 1
            } else {
                unmatched.append(DiagnosticChange(diagnostic))
            }
        }
        return unmatched
    }
}
