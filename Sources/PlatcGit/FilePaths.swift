#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Path arithmetic on the local file system, without Foundation.
enum FilePaths {
    /// `path` absolute, with symbolic links, "." and ".." resolved. The part that does not exist
    /// yet (a folder a first render will create) is resolved by name, which is exact because
    /// nothing below a missing folder can be a link.
    static func canonical(_ path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : (currentFolder().map { $0 + "/" + path } ?? path)
        guard absolute.hasPrefix("/") else { return nil }
        let parts = absolute.split(separator: "/").map(String.init)
        for existing in stride(from: parts.count, through: 0, by: -1) {
            guard let resolved = realPath("/" + parts[..<existing].joined(separator: "/")) else { continue }
            var result = resolved.split(separator: "/").map(String.init)
            for part in parts[existing...] {
                switch part {
                case ".": continue
                case "..": _ = result.popLast()
                default: result.append(part)
                }
            }
            return "/" + result.joined(separator: "/")
        }
        return nil
    }

    /// The nearest folder at or above `path` that holds a `.git` (folder or file): the folder a
    /// safe.directory entry must name.
    static func repositoryFolder(containing path: String) -> String? {
        guard var folder = canonical(path) else { return nil }
        while true {
            if access(folder == "/" ? "/.git" : folder + "/.git", F_OK) == 0 { return folder }
            guard folder != "/", let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
            folder = slash == folder.utf8.startIndex ? "/" : String(folder[..<slash])
        }
    }

    /// realpath(3): nil when the path does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func currentFolder() -> String? {
        guard let folder = getcwd(nil, 0) else { return nil }
        defer { free(folder) }
        return String(cString: folder)
    }
}
