import CPlatcSystem
import Foundation
import PlatcRender

/// out/ on disk: compared with a fresh render, and replaced as one atomic step.
///
/// A render is staged in a sibling folder `.<out>.platc-stage`: unchanged files are hard links
/// to the current ones (same inode, same mtime: not rewritten), changed files are written new.
/// The staged folder then trades places with out/ in one `renameat2(RENAME_EXCHANGE)`, and the
/// previous tree is deleted. A reader (Argo CD, git) sees the complete old out/ or the complete
/// new one, never a mix; a render killed half-way leaves out/ as it was and only the stage
/// behind, which the next render removes. Nothing outside out/ and its stage is touched.
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
    private let fileManager = FileManager.default

    init(path: String) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        self.path = URL(fileURLWithPath: trimmed).standardizedFileURL.path
    }

    private var stagePath: String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).platc-stage").path
    }

    /// The files now in out/, by relative path; empty when out/ does not exist.
    func currentFiles() throws -> [String: [UInt8]] {
        var info = stat()
        if lstat(path, &info) != 0 { return [:] }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw IOError(description: "'\(path)' exists and is not a directory") }
        var files: [String: [UInt8]] = [:]
        guard let walker = fileManager.enumerator(atPath: path) else { throw IOError(description: "cannot list '\(path)'") }
        while let relative = walker.nextObject() as? String {
            let full = path + "/" + relative
            guard lstat(full, &info) == 0 else { throw IOError(description: "cannot read '\(full)'") }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFREG:
                guard let data = fileManager.contents(atPath: full) else { throw IOError(description: "cannot read '\(full)'") }
                files[relative] = [UInt8](data)
            default:
                // A link or device in out/ is not platc's: report it as a file to remove.
                files[relative] = []
            }
        }
        return files
    }

    func changes(to artifacts: [Artifact], current: [String: [UInt8]]) -> Changes {
        var changes = Changes()
        let wanted = Set(artifacts.map(\.path))
        for artifact in artifacts {
            switch current[artifact.path] {
            case nil: changes.added.append(artifact.path)
            case artifact.bytes?: changes.unchanged += 1
            default: changes.modified.append(artifact.path)
            }
        }
        changes.removed = current.keys.filter { !wanted.contains($0) }.sorted()
        return changes
    }

    /// Makes out/ hold exactly `artifacts`. Does nothing at all when nothing changed.
    func replace(with artifacts: [Artifact]) throws -> Changes {
        try ensureOwned()
        let current = try currentFiles()
        let changes = changes(to: artifacts, current: current)
        guard !changes.isEmpty else { return changes }
        let stage = stagePath
        try removeTree(stage)
        try makeDirectory(stage)
        do {
            for artifact in artifacts {
                let target = stage + "/" + artifact.path
                try makeDirectory((target as NSString).deletingLastPathComponent)
                if current[artifact.path] == artifact.bytes, link(path + "/" + artifact.path, target) == 0 { continue }
                try write(artifact.bytes, to: target)
            }
            if current.isEmpty, !exists(path) {
                guard rename(stage, path) == 0 else { throw IOError(description: "cannot move the render into '\(path)': \(errnoText())") }
                return changes
            }
            guard platc_exchange_paths(stage, path) == 0 else {
                throw IOError(description: "cannot swap the new render into '\(path)': \(errnoText())")
            }
        } catch {
            try? removeTree(stage)
            throw error
        }
        try removeTree(stage)  // now the previous out/
        return changes
    }

    /// Replacing a folder deletes what was in it, so platc replaces only what it wrote: out/ must
    /// be absent, empty, or hold platc's README.md. A mistyped `--out ~` or `--out .` is refused
    /// before a single file is read.
    func ensureOwned() throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw IOError(description: "'\(path)' exists and is not a directory") }
        let entries: [String]
        do {
            entries = try fileManager.contentsOfDirectory(atPath: path)
        } catch {
            throw IOError(description: "cannot list '\(path)': \(error.localizedDescription)")
        }
        if entries.isEmpty { return }
        guard startsWithMarker(path + "/" + OutputReadme.path) else {
            throw IOError(
                description:
                    "'\(path)' is not empty and was not written by platc (it has no \(OutputReadme.path) from platc); refusing to replace it: move it away or pass another --out"
            )
        }
    }

    private func startsWithMarker(_ file: String) -> Bool {
        var info = stat()
        guard lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, let handle = FileHandle(forReadingAtPath: file) else {
            return false
        }
        defer { try? handle.close() }
        let marker = Array(OutputReadme.marker.utf8)
        return (try? handle.read(upToCount: marker.count)).map { [UInt8]($0) == marker } ?? false
    }

    private func write(_ bytes: [UInt8], to file: String) throws {
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw IOError(description: "cannot create '\(file)': \(errnoText())") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw IOError(description: "cannot write '\(file)': \(errnoText())") }
            offset += written
        }
    }

    private func makeDirectory(_ directory: String) throws {
        do {
            try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw IOError(description: "cannot create '\(directory)': \(error.localizedDescription)")
        }
    }

    private func removeTree(_ directory: String) throws {
        guard exists(directory) else { return }
        do {
            try fileManager.removeItem(atPath: directory)
        } catch {
            throw IOError(description: "cannot remove '\(directory)': \(error.localizedDescription)")
        }
    }

    private func exists(_ file: String) -> Bool {
        var info = stat()
        return lstat(file, &info) == 0
    }

    private func errnoText() -> String { String(cString: strerror(errno)) }
}
