import CPlatcSystem
import Foundation
import PlatcRender
import PlatcSpec

/// out/ on disk: compared with a fresh render, and replaced as one atomic step.
///
/// A render is staged in a sibling folder `.<out>.platc-stage`: unchanged files are hard links
/// to the current ones (same inode, same mtime: not rewritten), changed files are written new.
/// The staged folder then trades places with out/ in one `renameat2(RENAME_EXCHANGE)`, and the
/// previous tree is deleted. A reader (Argo CD, git) sees the complete old out/ or the complete
/// new one, never a mix; a render killed at any point leaves out/ exactly old or exactly new, and
/// at most the stage behind, which the next render removes (CrashSafetyTests kill it to prove
/// it). Nothing outside out/ and its stage is touched. Nothing is fsynced: a killed process
/// needs no fsync, and a power loss is left to `render --check` (docs/output.md).
struct OutputDirectory {
    struct IOError: Error, CustomStringConvertible {
        var description: String
    }

    /// What a render would change: paths relative to out/.
    struct Changes: Equatable {
        var added: [String] = []
        var modified: [String] = []
        var removed: [String] = []
        var unchanged = 0
        var isEmpty: Bool { added.isEmpty && modified.isEmpty && removed.isEmpty }
    }

    let path: String

    init(path: String) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        self.path = URL(fileURLWithPath: trimmed).standardizedFileURL.path
    }

    /// The sibling folder a render is staged in: on out/'s file system, so the swap is a rename.
    var stagePath: String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).platc-stage").path
    }

    /// How `artifacts` compare with out/ as it is, file by file: the old bytes are read, compared
    /// and dropped, on every core, so memory holds one render, not two.
    func compare(with artifacts: [Artifact]) throws(IOError) -> Changes {
        guard try existingFolder() else { return Changes(added: artifacts.map(\.path)) }
        var listed: [(relative: String, regular: Bool)] = []
        var folders = Set<String>()
        try list("", into: &listed, folders: &folders)
        let entries = Dictionary(listed.map { ($0.relative, $0.regular) }, uniquingKeysWith: { first, _ in first })
        let root = path, listedFolders = folders
        let states = Parallel.map(artifacts) { artifact -> Result<State, IOError> in
            // A folder where a file belongs (its files are listed as extra), a link or a device
            // is not platc's: it never equals a render.
            guard let regular = entries[artifact.path] else { return .success(listedFolders.contains(artifact.path) ? .modified : .added) }
            guard regular else { return .success(.modified) }
            return Result { () throws(IOError) -> State in
                try OutputFileSystem.holds(root + "/" + artifact.path, exactly: artifact.bytes) ? .unchanged : .modified
            }
        }
        var changes = Changes()
        for (artifact, state) in zip(artifacts, states) {
            switch try state.get() {
            case .added: changes.added.append(artifact.path)
            case .modified: changes.modified.append(artifact.path)
            case .unchanged: changes.unchanged += 1
            }
        }
        let wanted = Set(artifacts.map(\.path))
        changes.removed = listed.map(\.relative).filter { !wanted.contains($0) }.sorted()
        return changes
    }

    private enum State: Sendable {
        case added, modified, unchanged
    }

    /// Every entry under `relative` that is not a folder, recursively, without following links;
    /// and every folder.
    private func list(
        _ relative: String, into entries: inout [(relative: String, regular: Bool)], folders: inout Set<String>
    ) throws(IOError) {
        for entry in try OutputFileSystem.entries(of: relative.isEmpty ? path : path + "/" + relative) {
            let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
            if entry.kind == .folder {
                folders.insert(child)
                try list(child, into: &entries, folders: &folders)
            } else {
                entries.append((child, entry.kind == .file))
            }
        }
    }

    /// Makes out/ hold exactly `artifacts`; when nothing changed, writes nothing (and only removes
    /// a stage a killed render left). A failure before the swap leaves out/ as it was and removes
    /// the stage. A stage that cannot be deleted after the swap (the previous tree) or when
    /// nothing changed is no failure of the render, which is complete: it comes back as
    /// `leftover`, for a warning.
    func replace(with artifacts: [Artifact]) throws(IOError) -> (changes: Changes, leftover: IOError?) {
        // Two renders into one out/ (a save hook and a pre-commit hook) take turns: each compares,
        // stages and swaps under a lock on out/'s folder, so neither deletes the other's stage.
        let lock = try OutputFileSystem.lock(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        defer { close(lock) }
        try ensureOwned()
        let changes = try compare(with: artifacts)
        let stage = stagePath
        guard !changes.isEmpty else {
            do throws(IOError) {
                try OutputFileSystem.removeTree(stage)
                return (changes, nil)
            } catch {
                return (changes, error)
            }
        }
        let replacing = try existingFolder()
        if replacing, access(path, W_OK) != 0 { throw IOError(description: "'\(path)' is not writable: \(OutputFileSystem.errnoText())") }
        do throws(IOError) {
            try OutputFileSystem.removeTree(stage)
            try OutputFileSystem.makeFolders(stage)
            try writeStage(stage, artifacts, reused: Set(artifacts.map(\.path)).subtracting(changes.added).subtracting(changes.modified))
            if replacing {
                guard platc_exchange_paths(stage, path) == 0 else {
                    throw IOError(description: "cannot swap the new render into '\(path)': \(OutputFileSystem.errnoText())")
                }
            } else {
                guard rename(stage, path) == 0 else {
                    throw IOError(description: "cannot move the render into '\(path)': \(OutputFileSystem.errnoText())")
                }
            }
        } catch {
            try? OutputFileSystem.removeTree(stage)
            throw IOError(description: "\(error.description); '\(path)' was left as it was")
        }
        do throws(IOError) {
            try OutputFileSystem.removeTree(stage)  // now the previous out/
        } catch {
            return (changes, error)
        }
        return (changes, nil)
    }

    /// Builds the new tree in `stage`: folders first, each once; then the files, on every core
    /// (they are independent): hard links to out/'s files for `reused` paths, new files otherwise.
    private func writeStage(_ stage: String, _ artifacts: [Artifact], reused: Set<String>) throws(IOError) {
        var folders = Set<Substring>()
        for artifact in artifacts {
            guard let slash = artifact.path.lastIndex(of: "/") else { continue }
            let folder = artifact.path[..<slash]
            if folders.insert(folder).inserted { try OutputFileSystem.makeFolders(stage + "/" + folder) }
        }
        let root = path
        let failures = Parallel.map(artifacts) { artifact -> IOError? in
            let target = stage + "/" + artifact.path
            if reused.contains(artifact.path), link(root + "/" + artifact.path, target) == 0 { return nil }
            do throws(IOError) {
                try OutputFileSystem.write(artifact.bytes, to: target)
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Whether out/ exists, as a folder; anything else at its path is refused, a link too: the
    /// swap would replace the link, not the folder it points to.
    private func existingFolder() throws(IOError) -> Bool {
        switch try OutputFileSystem.kind(of: path) {
        case .absent: return false
        case .folder: return true
        case .link:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw IOError(
                description:
                    "'\(path)' is a symbolic link (to '\(target)'); platc replaces out/ as a whole and does not write through a link: pass the folder itself with --out"
            )
        case .file, .other: throw IOError(description: "'\(path)' exists and is not a directory")
        }
    }

    /// Replacing a folder deletes what was in it, so platc replaces only what it wrote: out/ must
    /// be absent, empty, or hold platc's README.md. A mistyped `--out ~` or `--out .` is refused
    /// before a single file is read.
    func ensureOwned() throws(IOError) {
        guard try existingFolder(), !(try OutputFileSystem.entries(of: path)).isEmpty else { return }
        guard startsWithMarker(path + "/" + OutputReadme.path) else {
            throw IOError(
                description:
                    "'\(path)' is not empty and was not written by platc (it has no \(OutputReadme.path) from platc); refusing to replace it: move it away or pass another --out"
            )
        }
    }

    private func startsWithMarker(_ file: String) -> Bool {
        guard (try? OutputFileSystem.kind(of: file)) == .file, let handle = FileHandle(forReadingAtPath: file) else { return false }
        defer { try? handle.close() }
        let marker = Array(OutputReadme.marker.utf8)
        return (try? handle.read(upToCount: marker.count)).map { [UInt8]($0) == marker } ?? false
    }
}
