import Foundation

/// Where things are, for tests: the package root, the fixtures, the built `platc` binary.
public enum Paths {
    /// The package root, found from this file's path (Tests/PlatcTestSupport/Paths.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")
    public static let minimalPlatform = fixtures.appendingPathComponent("minimal")
    public static let badFixtures = fixtures.appendingPathComponent("bad")

    /// The `platc` built next to the test bundle (`swift build` builds it; `swift test` too).
    /// PLATC_BINARY overrides it, e.g. to test a release build.
    public static var platcBinary: URL {
        if let override = ProcessInfo.processInfo.environment["PLATC_BINARY"] { return URL(fileURLWithPath: override) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("platc")
            if FileManager.default.isExecutableFile(atPath: candidate.path), !isDirectory(candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/platc")
    }

    static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }

    /// Names of the immediate subfolders of `url`, sorted.
    public static func subfolders(of url: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { isDirectory(url.appendingPathComponent($0)) }.sorted()
    }
}
