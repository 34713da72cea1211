import Foundation
import PlatcTestSupport

/// Everything under a folder, exactly: every path, folders included, with what it is and, for a
/// file, its bytes; links are recorded, never followed. Two snapshots are equal only when the
/// trees hold the same paths with the same kinds and the same bytes: no extra file, no missing
/// one, no empty folder left over.
struct TreeSnapshot: Equatable {
    enum Entry: Equatable {
        case folder
        case file(Data)
        case link(String)
        case other
    }

    private(set) var entries: [String: Entry] = [:]

    var fileCount: Int { entries.values.filter { if case .file = $0 { true } else { false } }.count }

    /// nil when `root` does not exist.
    init?(of root: URL) throws {
        var info = stat()
        guard lstat(root.path, &info) == 0 else { return nil }
        try walk(root.path, relative: "")
    }

    private mutating func walk(_ root: String, relative: String) throws {
        let folder = relative.isEmpty ? root : root + "/" + relative
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let child = relative.isEmpty ? name : relative + "/" + name
            let absolute = root + "/" + child
            var info = stat()
            guard lstat(absolute, &info) == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: absolute]) }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                entries[child] = .folder
                try walk(root, relative: child)
            case S_IFREG: entries[child] = .file(try Data(contentsOf: URL(fileURLWithPath: absolute)))
            case S_IFLNK: entries[child] = .link(try FileManager.default.destinationOfSymbolicLink(atPath: absolute))
            default: entries[child] = .other
            }
        }
    }

    /// The paths in which the two trees differ, at most `limit`, each with how.
    func differences(from expected: TreeSnapshot, limit: Int = 10) -> [String] {
        var found: [String] = []
        for path in Set(entries.keys).union(expected.entries.keys).sorted() where entries[path] != expected.entries[path] {
            switch (entries[path], expected.entries[path]) {
            case (nil, _): found.append("missing: \(path)")
            case (_, nil): found.append("extra: \(path)")
            default: found.append("differs: \(path)")
            }
            if found.count == limit { break }
        }
        return found
    }

    /// Paths by what changes from `self` to `other`: added, modified (any kind or byte) and removed files.
    func fileChanges(to other: TreeSnapshot) -> (added: Int, modified: Int, removed: Int) {
        let mine = entries.filter { if case .file = $0.value { true } else { false } }
        let theirs = other.entries.filter { if case .file = $0.value { true } else { false } }
        return (
            theirs.keys.filter { mine[$0] == nil }.count, theirs.keys.filter { mine[$0] != nil && mine[$0] != theirs[$0] }.count,
            mine.keys.filter { theirs[$0] == nil }.count
        )
    }
}

/// A copy of a folder whose files are hard links to the original's (folders are new): fast, and
/// platc never writes into a file of out/ (it writes new files in its stage and links unchanged
/// ones), so the original stays as it was — a test comparing bytes would see it if it did not.
func linkCopy(of source: URL, to target: URL) throws {
    let fileManager = FileManager.default
    try fileManager.createDirectory(at: target, withIntermediateDirectories: false)
    for name in try fileManager.contentsOfDirectory(atPath: source.path) {
        let from = source.appendingPathComponent(name), to = target.appendingPathComponent(name)
        var info = stat()
        guard lstat(from.path, &info) == 0 else { continue }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            try linkCopy(of: from, to: to)
        } else {
            try fileManager.linkItem(at: from, to: to)
        }
    }
}

/// `rm -rf`: FileManager takes about a third of a millisecond per file here, seconds for a big out/.
func removeQuickly(_ folder: URL) throws {
    let removed = try runTool("rm", ["-rf", folder.path])
    guard removed.exitCode == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder.path]) }
}
