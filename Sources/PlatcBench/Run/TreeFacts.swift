import Foundation

/// Files and bytes of a folder tree, and how many Kubernetes objects its YAML holds, read
/// without loading whole files: the runner must stay small (see ProcessTimer).
struct TreeFacts {
    var files = 0
    var bytes = 0

    /// Every regular file under `root` (hidden ones too, except .git), by path relative to it.
    static func regularFiles(under root: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            if path == ".git" { walker.skipDescendants() }
            var info = stat()
            if lstat(root.appendingPathComponent(path).path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { paths.append(path) }
        }
        return paths
    }

    /// Sizes of the files under `root` whose first path component is one of `folders` (all when nil).
    static func measure(_ root: URL, folders: Set<String>? = nil) -> TreeFacts {
        var facts = TreeFacts()
        for path in regularFiles(under: root) {
            if let folders, let top = path.split(separator: "/").first, !folders.contains(String(top)) { continue }
            var info = stat()
            guard stat(root.appendingPathComponent(path).path, &info) == 0 else { continue }
            facts.files += 1
            facts.bytes += Int(info.st_size)
        }
        return facts
    }

    /// Top-level `kind:` lines in every .yaml file under `root`: one per Kubernetes object.
    static func objects(under root: URL) -> Int {
        regularFiles(under: root).filter { $0.hasSuffix(".yaml") }.reduce(0) { $0 + objects(in: root.appendingPathComponent($1)) }
    }

    /// Lines that begin with "kind: " in one file, read 64 KiB at a time.
    static func objects(in file: URL) -> Int {
        guard let handle = FileHandle(forReadingAtPath: file.path) else { return 0 }
        defer { try? handle.close() }
        let prefix = Array("kind: ".utf8)
        var count = 0
        var matched = 0  // bytes of `prefix` seen since the line began; -1 once the line cannot match
        while let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty {
            for byte in chunk {
                if byte == UInt8(ascii: "\n") {
                    matched = 0
                } else if matched >= 0, matched < prefix.count {
                    matched = byte == prefix[matched] ? matched + 1 : -1
                    if matched == prefix.count { count += 1 }
                }
            }
        }
        return count
    }
}

/// The identity of every file under out/ (inode, size, modification time), to prove a render
/// that should write nothing wrote nothing.
struct TreeSnapshot: Equatable {
    var files: [String: [Int]]

    init(of root: URL) {
        files = [:]
        for path in TreeFacts.regularFiles(under: root) {
            var info = stat()
            guard lstat(root.appendingPathComponent(path).path, &info) == 0 else { continue }
            files[path] = [Int(info.st_ino), Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
        }
    }

    /// The paths added, removed or touched since `earlier`, a few of them.
    func changes(since earlier: TreeSnapshot) -> [String] {
        Set(files.keys).union(earlier.files.keys).sorted().filter { files[$0] != earlier.files[$0] }
    }
}
