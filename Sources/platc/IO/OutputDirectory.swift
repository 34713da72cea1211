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

    /// How `artifacts` compare with out/ as it is, file by file: the old bytes are read, compared
    /// and dropped, on every core, so memory holds one render, not two.
    func compare(with artifacts: [Artifact]) throws -> Changes {
        var info = stat()
        guard lstat(path, &info) == 0 else { return Changes(added: artifacts.map(\.path)) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw IOError(description: "'\(path)' exists and is not a directory") }
        var listed: [(relative: String, regular: Bool)] = []
        try list("", into: &listed)
        let entries = Dictionary(listed.map { ($0.relative, $0.regular) }, uniquingKeysWith: { first, _ in first })
        let root = path
        let states = Parallel.map(artifacts) { artifact -> Result<State, IOError> in
            guard let regular = entries[artifact.path] else { return .success(.added) }
            // A link or device in out/ is not platc's: it never equals a render.
            guard regular else { return .success(.modified) }
            return Result { () throws(IOError) -> State in
                try Self.read(root + "/" + artifact.path) == artifact.bytes ? .unchanged : .modified
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

    /// Every entry under `relative` that is not a directory, recursively, without following links.
    private func list(_ relative: String, into entries: inout [(relative: String, regular: Bool)]) throws {
        let folder = relative.isEmpty ? path : path + "/" + relative
        guard let directory = opendir(folder) else { throw IOError(description: "cannot list '\(folder)': \(Self.errnoText())") }
        defer { closedir(directory) }
        var subfolders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path + "/" + child, &info) == 0 else { throw IOError(description: "cannot read '\(path)/\(child)'") }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: subfolders.append(child)
            case S_IFREG: entries.append((child, true))
            default: entries.append((child, false))
            }
        }
        for subfolder in subfolders { try list(subfolder, into: &entries) }
    }

    /// The file's bytes, read straight into an array of its size (a zeroed chunk per file cost
    /// more than the reading for 50,000 small files); a file that grows meanwhile is read to its end.
    private static func read(_ file: String) throws(IOError) -> [UInt8] {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw IOError(description: "cannot read '\(file)': \(Self.errnoText())") }
        defer { close(descriptor) }
        var info = stat()
        let expected = fstat(descriptor, &info) == 0 ? max(0, Int(info.st_size)) : 0
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read < 0, errno == EINTR { continue }
                if read < 0 { failed = true }
                if read <= 0 { break }
                count += read
            }
        }
        while !failed, bytes.count > expected {
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let read = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if read < 0, errno == EINTR { continue }
            if read < 0 { failed = true }
            if read <= 0 { break }
            bytes.append(contentsOf: chunk[..<read])
        }
        guard !failed else { throw IOError(description: "cannot read '\(file)': \(Self.errnoText())") }
        return bytes
    }

    /// Makes out/ hold exactly `artifacts`. Does nothing at all when nothing changed.
    func replace(with artifacts: [Artifact]) throws -> Changes {
        try ensureOwned()
        let changes = try compare(with: artifacts)
        guard !changes.isEmpty else { return changes }
        let reused = Set(artifacts.map(\.path)).subtracting(changes.added).subtracting(changes.modified)
        let stage = stagePath
        try removeTree(stage)
        try makeDirectory(stage)
        do {
            // Folders first, each once; then the files, on every core (they are independent).
            var folders = Set<Substring>()
            for artifact in artifacts {
                guard let slash = artifact.path.lastIndex(of: "/") else { continue }
                let folder = artifact.path[..<slash]
                if folders.insert(folder).inserted { try makeDirectory(stage + "/" + folder) }
            }
            let root = path
            let failures = Parallel.map(artifacts) { artifact -> IOError? in
                let target = stage + "/" + artifact.path
                if reused.contains(artifact.path), link(root + "/" + artifact.path, target) == 0 { return nil }
                do throws(IOError) {
                    try Self.write(artifact.bytes, to: target)
                    return nil
                } catch {
                    return error
                }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            if !exists(path) {
                guard rename(stage, path) == 0 else {
                    throw IOError(description: "cannot move the render into '\(path)': \(Self.errnoText())")
                }
                return changes
            }
            guard platc_exchange_paths(stage, path) == 0 else {
                throw IOError(description: "cannot swap the new render into '\(path)': \(Self.errnoText())")
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

    private static func write(_ bytes: [UInt8], to file: String) throws(IOError) {
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw IOError(description: "cannot create '\(file)': \(Self.errnoText())") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw IOError(description: "cannot write '\(file)': \(Self.errnoText())") }
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

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
