/// Everything `platc diff` found: which revision it compared with, the change set of out/,
/// and the summary in platform terms. Every report format renders this one value.
public struct DiffReport: Sendable, Equatable {
    public struct Base: Sendable, Equatable {
        /// The revision as the user named it: `HEAD`, `origin/main`, a SHA.
        public var revision: String
        /// The full commit id; nil when HEAD is unborn (no commit yet: everything is added).
        public var commit: String?
        /// The commit's first message line.
        public var subject: String?

        public init(revision: String, commit: String?, subject: String?) {
            self.revision = revision
            self.commit = commit
            self.subject = subject
        }

        public var shortCommit: String? { commit.map { String($0.prefix(7)) } }
    }

    public var base: Base
    /// out/ as the user names it ("out", "deploy/out"), put before every path.
    public var outPath: String
    public var changeSet: ChangeSet
    public var summary: PlatformSummary

    public init(base: Base, outPath: String, changeSet: ChangeSet, summary: PlatformSummary) {
        self.base = base
        self.outPath = outPath
        self.changeSet = changeSet
        self.summary = summary
    }

    /// `Plan: +1 ~2 -0 objects`: renamed objects count as modified, as `terraform plan` counts a
    /// move that also changes; "(1 renamed, 12 moved between Applications)" says how many.
    public var plan: String {
        let set = changeSet
        var text = "Plan: +\(set.count(.added)) ~\(set.count(.modified) + set.count(.renamed)) -\(set.count(.removed)) objects"
        let renamed = set.count(.renamed) - set.moved
        let notes = [(renamed, "renamed"), (set.moved, "moved between Applications")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        if !notes.isEmpty { text += " (\(notes.joined(separator: ", ")))" }
        return text
    }

    /// "Kueue ~1, Kubernetes +1 ~1": the plan per family.
    public var planByFamily: [(family: Family, counts: String)] {
        changeSet.families.map { family in
            let parts: [(String, Int)] = [
                ("+", changeSet.count(.added, in: family)),
                ("~", changeSet.count(.modified, in: family) + changeSet.count(.renamed, in: family)),
                ("-", changeSet.count(.removed, in: family)),
            ]
            return (family, parts.filter { $0.1 > 0 }.map { "\($0.0)\($0.1)" }.joined(separator: " "))
        }
    }

    /// "out/ at HEAD (1a2b3c4)" or, before the first commit, "out/ (no commit yet)".
    public var baseDescription: String {
        guard let short = base.shortCommit else { return "\(outPath)/ at \(base.revision) (no commit yet)" }
        return base.revision == short ? "\(outPath)/ at \(short)" : "\(outPath)/ at \(base.revision) (\(short))"
    }
}
