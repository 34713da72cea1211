import PlatcFacts
import PlatcGit
import PlatcSpec

/// Every difference between out/ at the base revision and a fresh render, in report order:
/// family, then path. Both sides are whole file maps keyed by the path inside out/.
public struct ChangeSet: Sendable, Equatable {
    public var changes: [ObjectChange]
    /// Files identical on both sides.
    public var unchanged: Int
    /// What the moves between Applications risk in the cluster, and how to avoid it.
    public var moveWarnings: [MoveWarning]

    public init(changes: [ObjectChange], unchanged: Int, moveWarnings: [MoveWarning] = []) {
        self.changes = changes
        self.unchanged = unchanged
        self.moveWarnings = moveWarnings
    }

    public var isEmpty: Bool { changes.isEmpty }

    /// Changes of one kind; `.renamed` counts the moves between Applications too.
    public func count(_ kind: ObjectChange.Kind, in family: Family? = nil) -> Int {
        changes.filter { $0.change == kind && (family == nil || $0.family == family) }.count
    }

    /// Renamed files that another Application syncs now.
    public var moved: Int { changes.filter(\.isMove).count }

    /// The families that have changes, in report order.
    public var families: [Family] { Family.allCases.filter { family in changes.contains { $0.family == family } } }

    /// Compares two trees of out/. `prefix` (such as "out/") is put before every path shown.
    /// `applications` say which Application syncs each path on each side.
    public static func between(
        base: [String: [UInt8]], head: [String: [UInt8]], prefix: String, contextLines: Int = 3,
        applications: ApplicationOwnership.Sides = .none
    ) throws(GitError) -> ChangeSet {
        let added = head.keys.filter { base[$0] == nil }.sorted()
        let removed = base.keys.filter { head[$0] == nil }.sorted()
        let kept = head.keys.filter { base[$0] != nil }.sorted()
        var changes: [ObjectChange] = []
        let builder = PatchBuilder(prefix: prefix, contextLines: contextLines, applications: applications)
        let modified = kept.filter { base[$0] != head[$0] }
        // Parsing, masking and diffing one file is independent of the others: every core takes
        // some, and the results keep their order.
        let built = Parallel.map(modified) { path in
            Result { () throws(GitError) -> ObjectChange in
                try builder.change(.modified, old: OutFile(path: path, bytes: base[path]!), new: OutFile(path: path, bytes: head[path]!))
            }
        }
        for change in built { changes.append(try change.get()) }
        var gone = removed.map { OutFile(path: $0, bytes: base[$0]!) }
        var new = added.map { OutFile(path: $0, bytes: head[$0]!) }
        for (old, renamed) in RenamePairing.pairs(removed: gone, added: new) {
            changes.append(try builder.change(.renamed, old: old, new: renamed))
            gone.removeAll { $0.path == old.path }
            new.removeAll { $0.path == renamed.path }
        }
        for file in new { changes.append(try builder.change(.added, old: nil, new: file)) }
        for file in gone { changes.append(try builder.change(.removed, old: file, new: nil)) }
        changes.sort { ($0.family, $0.path, $0.previousPath ?? "") < ($1.family, $1.path, $1.previousPath ?? "") }
        return ChangeSet(
            changes: changes, unchanged: kept.count - modified.count, moveWarnings: MoveWarning.warnings(for: changes, applications))
    }
}

/// Builds one `ObjectChange`: identity, family, Application, and the masked patch.
private struct PatchBuilder: Sendable {
    let prefix: String
    let contextLines: Int
    let applications: ApplicationOwnership.Sides

    func change(_ kind: ObjectChange.Kind, old: OutFile?, new: OutFile?) throws(GitError) -> ObjectChange {
        let current = new ?? old!
        // A hand edit that broke the head's YAML still names the object it was.
        let identity = current.identity.isKubernetesObject ? current.identity : old?.identity ?? current.identity
        let masked = SecretMask.mask(old: old, new: new)
        let oldPath = prefix + (old ?? current).path, newPath = prefix + current.path
        let patch =
            old?.bytes == new?.bytes
            ? "" : try UnifiedDiff.patch(old: masked.old, new: masked.new, oldPath: oldPath, newPath: newPath, contextLines: contextLines)
        let counts = PatchLines.count(patch)
        // A removal names the Application that prunes it; the others the one that syncs them now.
        let owner = (new == nil ? applications.base : applications.head).owner(of: current.path)
        return ObjectChange(
            change: kind, path: newPath, previousPath: kind == .renamed ? oldPath : nil,
            family: Family.of(path: current.path, identity: identity),
            identity: identity, patch: patch, insertions: counts.insertions, deletions: counts.deletions, maskedSecrets: masked.count,
            application: owner?.name,
            previousApplication: kind == .renamed ? old.flatMap { applications.base.owner(of: $0.path)?.name } : nil)
    }
}

/// Counts the `+` and `-` lines of a unified diff, headers excluded.
enum PatchLines {
    static func count(_ patch: String) -> (insertions: Int, deletions: Int) {
        var insertions = 0, deletions = 0
        for line in patch.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("+++ ") || line.hasPrefix("--- ") { continue }
            if line.hasPrefix("+") { insertions += 1 } else if line.hasPrefix("-") { deletions += 1 }
        }
        return (insertions, deletions)
    }
}
