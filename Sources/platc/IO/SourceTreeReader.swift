import Foundation
import PlatcCompiler
import PlatcSpec

/// Reads a platform root from disk into a `SourceTree`: the only place platc reads sources.
/// It refuses links that leave the root, bounds what it reads, and never opens anything but
/// regular files (a FIFO named `x.yaml` would otherwise block forever).
struct SourceTreeReader {
    struct IOError: Error, CustomStringConvertible {
        var description: String
    }

    let root: URL
    let limits: SourceLimits
    var diagnostics = DiagnosticCollector()

    init(root: String, limits: SourceLimits = SourceLimits()) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL
        self.limits = limits
    }

    mutating func read() throws -> SourceTree {
        guard let rootReal = realPath(root.path), isDirectory(rootReal) else {
            throw IOError(description: "'\(root.path)' is not a directory")
        }
        guard isDirectory(root.appendingPathComponent("platform").path) else {
            throw IOError(description: "'\(root.path)' is not a platform root: it has no platform/ folder")
        }
        var files: [SourceTree.File] = []
        for folder in Kind.folders {
            var walk = FolderWalk(rootReal: rootReal, folder: folder, limits: limits)
            try walk.run(relative: folder, visited: [])
            files += walk.files
            diagnostics.append(contentsOf: walk.diagnostics.diagnostics)
        }
        return SourceTree(files: files)
    }
}

/// One top folder's recursive walk.
private struct FolderWalk {
    let rootReal: String
    let folder: String
    let limits: SourceLimits
    var files: [SourceTree.File] = []
    var diagnostics = DiagnosticCollector()
    var seen = 0
    var overLimit = false

    init(rootReal: String, folder: String, limits: SourceLimits) {
        self.rootReal = rootReal
        self.folder = folder
        self.limits = limits
    }

    mutating func run(relative: String, visited: Set<String>) throws {
        let absolute = rootReal + "/" + relative
        guard let real = realPath(absolute) else { return }
        guard isDirectory(real), !visited.contains(real) else { return }  // absent folder, or a link cycle
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: absolute).sorted()
        } catch {
            throw SourceTreeReader.IOError(description: "cannot list '\(relative)': \(error.localizedDescription)")
        }
        for name in names where !name.hasPrefix(".") {
            if overLimit { return }
            let path = relative + "/" + name
            let full = rootReal + "/" + path
            // Only a link needs resolving: any other entry's real path is its folder's plus its
            // name (one lstat instead of realpath's readlink per component, for every source).
            var entry = stat()
            guard lstat(full, &entry) == 0 else { continue }
            let isLink = (entry.st_mode & S_IFMT) == S_IFLNK
            guard let target = isLink ? realPath(full) : real + "/" + name else { continue }  // dangling link: nothing to read
            if target != rootReal, !target.hasPrefix(rootReal + "/") {
                diagnostics.error(
                    .sourceSymlinkOutsideRoot, "'\(path)' links outside the platform root (to '\(target)')", at: .file(path),
                    hint: "copy the file into the repository and remove the link")
                continue
            }
            if isLink ? isDirectory(target) : (entry.st_mode & S_IFMT) == S_IFDIR {
                try run(relative: path, visited: visited.union([real]))
                continue
            }
            guard SourceTree.isSource(name, in: folder), isLink ? isRegularFile(target) : (entry.st_mode & S_IFMT) == S_IFREG
            else { continue }
            seen += 1
            if seen > limits.filesPerFolder {
                diagnostics.error(
                    .limitFileCount, "\(folder)/ holds more than \(limits.filesPerFolder) source files", at: nil,
                    hint: "remove files that are not platform sources, or split the platform")
                overLimit = true
                return
            }
            let bytes = try readBounded(target, display: path)
            // An oversized file's real size, for the message: only limit + 1 bytes were read.
            var info = stat()
            let size = bytes.count > limits.fileSize && stat(target, &info) == 0 ? Int(info.st_size) : bytes.count
            files.append(SourceTree.File(path: path, bytes: bytes, size: size))
        }
    }

    /// Reads at most one byte past the size limit, so an oversized file is refused without
    /// loading it whole.
    func readBounded(_ path: String, display: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SourceTreeReader.IOError(description: "cannot read '\(display)'")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limits.fileSize + 1) ?? Data()
            return [UInt8](data)
        } catch {
            throw SourceTreeReader.IOError(description: "cannot read '\(display)': \(error.localizedDescription)")
        }
    }
}

func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}

func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
}

extension SourceTreeReader {
    /// Reads and loads the platform at `root`: the tree, the load result, and every diagnostic of
    /// both steps. A root that cannot be read is a usage or I/O error (exit 2).
    static func load(root: String) throws -> (tree: SourceTree, loaded: LoadResult, diagnostics: DiagnosticCollector) {
        let (tree, found) = try read(root: root)
        let loaded = Loader().load(tree)
        var diagnostics = DiagnosticCollector()
        diagnostics.append(contentsOf: found + loaded.diagnostics)
        return (tree, loaded, diagnostics)
    }

    /// Reads, loads, derives the facts of and checks the platform at `root`, as `platc check` does:
    /// the compilation holds every diagnostic of the steps, in report order.
    static func loadAndCheck(root: String) throws -> (tree: SourceTree, compilation: Compilation) {
        let (tree, found) = try PhaseTimings.measure("read") { try read(root: root) }
        return (tree, Compilation(tree, after: found, clock: PhaseTimings.phases))
    }

    private static func read(root: String) throws -> (SourceTree, [Diagnostic]) {
        var reader = SourceTreeReader(root: root)
        do {
            return (try reader.read(), reader.diagnostics.diagnostics)
        } catch {
            printError("\(error)")
            throw ExitStatus.usageOrIO
        }
    }
}
