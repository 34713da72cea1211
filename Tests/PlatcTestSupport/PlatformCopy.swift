import Foundation

/// A temporary platform root: a copy of a fixture, changed by a test, deleted at the end.
public final class TemporaryPlatform {
    public let root: URL

    /// Copies `source` (a platform root) to a fresh temp folder.
    public init(copying source: URL = Paths.minimalPlatform) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("platc-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: root)
    }

    /// Lays a bad fixture's files over the copy; its DELETE file lists base paths to remove.
    public func overlay(_ fixture: URL) throws {
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: fixture, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        for case let file as URL in walker where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let relative = String(file.path.dropFirst(fixture.path.count + 1))
            if relative == "expected.txt" { continue }
            if relative == "DELETE" {
                for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                    try fm.removeItem(at: root.appendingPathComponent(String(line)))
                }
                continue
            }
            let target = root.appendingPathComponent(relative)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
            try fm.copyItem(at: file, to: target)
        }
    }

    public func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    public func write(_ relative: String, _ data: Data) throws {
        let target = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
    }

    public func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(relative))
    }

    deinit {
        // Read-only folders (tests of unreadable files) need their write bit back to be removed.
        _ = try? FileManager.default.removeItem(at: root)
    }
}

/// An empty temporary folder, deleted at the end.
public final class ScratchFolder {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("platc-scratch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        _ = try? FileManager.default.removeItem(at: url)
    }
}
