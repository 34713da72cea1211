import PlatcGit

/// Every difference between out/ at the base revision and a fresh render, in report order:
/// family, then path. Both sides are whole file maps keyed by the path inside out/.
public struct ChangeSet: Sendable, Equatable {
    public var changes: [ObjectChange]
    /// Files identical on both sides.
    public var unchanged: Int

    public init(changes: [ObjectChange], unchanged: Int) {
        self.changes = changes
        self.unchanged = unchanged
    }

    public var isEmpty: Bool { changes.isEmpty }

    public func count(_ kind: ObjectChange.Kind, in family: Family? = nil) -> Int {
        changes.filter { $0.change == kind && (family == nil || $0.family == family) }.count
    }

    /// The families that have changes, in report order.
    public var families: [Family] { Family.allCases.filter { family in changes.contains { $0.family == family } } }

    /// Compares two trees of out/. `prefix` (such as "out/") is put before every path shown.
    public static func between(
        base: [String: [UInt8]], head: [String: [UInt8]], prefix: String, contextLines: Int = 3
    ) throws(GitError) -> ChangeSet {
        var added = head.keys.filter { base[$0] == nil }.sorted()
        var removed = base.keys.filter { head[$0] == nil }.sorted()
        let kept = head.keys.filter { base[$0] != nil }.sorted()
        var changes: [ObjectChange] = []
        var unchanged = 0
        var builder = PatchBuilder(prefix: prefix, contextLines: contextLines)

        for path in kept {
            guard let old = base[path], let new = head[path], old != new else {
                unchanged += 1
                continue
            }
            changes.append(try builder.change(.modified, old: (path, old), new: (path, new)))
        }
        for (old, new) in RenamePairing.pairs(removed: removed, added: added, base: base, head: head) {
            changes.append(try builder.change(.renamed, old: (old, base[old]!), new: (new, head[new]!)))
            removed.removeAll { $0 == old }
            added.removeAll { $0 == new }
        }
        for path in added { changes.append(try builder.change(.added, old: nil, new: (path, head[path]!))) }
        for path in removed { changes.append(try builder.change(.removed, old: (path, base[path]!), new: nil)) }
        changes.sort { ($0.family, $0.path, $0.previousPath ?? "") < ($1.family, $1.path, $1.previousPath ?? "") }
        return ChangeSet(changes: changes, unchanged: unchanged)
    }
}

/// Builds one `ObjectChange`: identity, family, and the masked patch.
private struct PatchBuilder {
    let prefix: String
    let contextLines: Int

    mutating func change(
        _ kind: ObjectChange.Kind, old: (path: String, bytes: [UInt8])?, new: (path: String, bytes: [UInt8])?
    ) throws(GitError) -> ObjectChange {
        let current = new ?? old!
        var identity = ObjectIdentity.read(path: current.path, bytes: current.bytes)
        if !identity.isKubernetesObject, let old, new != nil {
            identity = ObjectIdentity.read(path: old.path, bytes: old.bytes)
        }
        let masked = SecretMask.mask(old: old.map { ($0.path, $0.bytes) }, new: new.map { ($0.path, $0.bytes) })
        let oldPath = prefix + (old ?? current).path, newPath = prefix + current.path
        let patch =
            old?.bytes == new?.bytes
            ? "" : try UnifiedDiff.patch(old: masked.old, new: masked.new, oldPath: oldPath, newPath: newPath, contextLines: contextLines)
        let counts = PatchLines.count(patch)
        return ObjectChange(
            change: kind, path: newPath, previousPath: kind == .renamed ? oldPath : nil,
            family: Family.of(path: current.path, identity: identity),
            identity: identity, patch: patch, insertions: counts.insertions, deletions: counts.deletions, maskedSecrets: masked.count)
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
