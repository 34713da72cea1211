/// The raw files of a platform root, as read from disk (or built in memory by tests):
/// every `*.yaml`/`*.yml` under platform/, tenants/, models/, and every `*.json` under models/.
public struct SourceTree: Sendable {
    public struct File: Sendable {
        /// Relative to the root, with `/` separators.
        public var path: String
        public var bytes: [UInt8]
        /// The file's size: `bytes.count`, unless a reader kept only what the size limit needs
        /// (the disk reads limit + 1 bytes; Git does not inflate an oversized blob at all).
        public var size: Int

        public init(path: String, bytes: [UInt8], size: Int? = nil) {
            self.path = path
            self.bytes = bytes
            self.size = max(size ?? bytes.count, bytes.count)
        }
    }

    public var files: [File]

    public init(files: [File]) { self.files = files }

    public static func isDocument(_ path: String) -> Bool { path.hasSuffix(".yaml") || path.hasSuffix(".yml") }

    /// Whether a file under `folder` (platform, tenants or models) is read as a source: a YAML
    /// document anywhere, a config.json under models/. Every reader (disk, Git) takes the same files.
    public static func isSource(_ name: String, in folder: String) -> Bool {
        isDocument(name) || (folder == "models" && name.hasSuffix(".json"))
    }
}

/// Limits that keep hostile input from exhausting time or memory. Each has its own rule id.
public struct SourceLimits: Sendable {
    /// Largest file read, in bytes (limit/file-size).
    public var fileSize = 4 * 1024 * 1024
    /// Most files read under each of platform/, tenants/, models/ (limit/file-count).
    public var filesPerFolder = 20_000
    /// Most YAML documents in the whole platform (limit/object-count).
    public var documents = 25_000
    public var yaml = YAMLComposer.Limits()

    public init() {}
}

/// The text of every file that was read, for showing source lines under diagnostics.
public struct SourceFiles: Sendable {
    private var texts: [String: [Substring]] = [:]

    public init() {}

    public mutating func add(path: String, text: String) {
        texts[path] = SourceText.lines(text).map { Substring($0) }
    }

    /// Adds the files `other` read; a path both read keeps this one's text.
    public mutating func merge(_ other: SourceFiles) {
        texts.merge(other.texts) { mine, _ in mine }
    }

    /// Every file read, sorted.
    public var paths: [String] { texts.keys.sorted() }

    /// The lines of `path`, without their line breaks.
    public func lines(of path: String) -> [Substring] { texts[path] ?? [] }

    /// Line `number` (1-based) of `path`, without its line break.
    public func line(_ number: Int, of path: String) -> Substring? {
        guard let lines = texts[path], number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }
}
