import Foundation
import PlatcTestSupport
import Testing

/// Hostile or broken roots, built at test time (too big or too odd to commit): each gives its
/// own clear diagnostic or an I/O error with exit 2, and none hangs.
@Suite struct LimitsAndIOTests {
    @Test func oversizedFileIsRefusedBeforeParsing() throws {
        let platform = try TemporaryPlatform()
        let big = "# " + String(repeating: "x", count: 4 * 1024 * 1024) + "\n"
        try platform.write("tenants/huge.yaml", big)
        let result = try platc(["check"], in: platform.root)
        #expect(result.exitCode == 1)
        #expect(
            result.stdout.hasPrefix("tenants/huge.yaml:1:1: error: file is 4194307 bytes, more than the limit of 4194304 [limit/file-size]")
        )
    }

    /// Only limit + 1 bytes are read, but the message gives the file's real size; a config.json
    /// has the same limit, reported once at the file.
    @Test func oversizedFilesReportTheirRealSize() throws {
        let platform = try TemporaryPlatform()
        try platform.write("tenants/huge.yaml", "# " + String(repeating: "x", count: 9 * 1024 * 1024) + "\n")
        try platform.write("models/tiny.json", "{\"pad\": \"" + String(repeating: "x", count: 5 * 1024 * 1024) + "\"}")
        let result = try platc(["check"], in: platform.root)
        #expect(result.exitCode == 1)
        let errors = result.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(
            errors == [
                "models/tiny.json:1:1: error: file is 5242891 bytes, more than the limit of 4194304 [limit/file-size]",
                "tenants/huge.yaml:1:1: error: file is 9437187 bytes, more than the limit of 4194304 [limit/file-size]",
            ])
    }

    @Test func tooManyFilesStopTheWalk() throws {
        let platform = try TemporaryPlatform()
        let folder = platform.root.appendingPathComponent("tenants/generated")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let failed = (0..<20_001).filter {
            !FileManager.default.createFile(atPath: folder.appendingPathComponent("t\($0).yaml").path, contents: Data("x: 1\n".utf8))
        }
        #expect(failed.isEmpty)
        let result = try platc(["check", "--format", "json"], in: platform.root, timeout: 120)
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("\"rule\": \"limit/file-count\""))
        #expect(result.stdout.contains("tenants/ holds more than 20000 source files"))
    }

    /// 25,001 documents over two folders (each under its own 20,000-file limit): refused before
    /// a single file is parsed, so the contents do not matter.
    @Test func tooManyDocumentsAreRefusedBeforeParsing() throws {
        let platform = try TemporaryPlatform()
        for (folder, count) in [("tenants/generated", 12_500), ("models/generated", 12_497)] {
            let url = platform.root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            let failed = (0..<count).filter {
                !FileManager.default.createFile(atPath: url.appendingPathComponent("d\($0).yaml").path, contents: Data("x: [\n".utf8))
            }
            #expect(failed.isEmpty)
        }
        let result = try platc(["check"], in: platform.root, timeout: 120)
        #expect(result.exitCode == 1)
        #expect(
            result.stdout.hasPrefix(
                "platc: error: the platform has 25001 source documents, more than the limit of 25000 [limit/object-count]\n"),
            "\(result.stdout.prefix(300))")
    }

    @Test func linksOutOfTheRootAreRefused() throws {
        let platform = try TemporaryPlatform()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("platc-outside-\(UUID().uuidString).json")
        try Data("{\"model_type\": \"llama\"}".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try platform.remove("models/tiny.json")
        try FileManager.default.createSymbolicLink(
            atPath: platform.root.appendingPathComponent("models/tiny.json").path, withDestinationPath: outside.path)
        let result = try platc(["check"], in: platform.root)
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("models/tiny.json:1:1: error: 'models/tiny.json' links outside the platform root"))
        #expect(result.stdout.contains("[source/symlink-outside-root]"))
    }

    @Test func linksInsideTheRootAreFollowed() throws {
        let platform = try TemporaryPlatform()
        try FileManager.default.moveItem(
            at: platform.root.appendingPathComponent("models/tiny.json"), to: platform.root.appendingPathComponent("models/real.json"))
        try FileManager.default.createSymbolicLink(
            atPath: platform.root.appendingPathComponent("models/tiny.json").path, withDestinationPath: "real.json")
        #expect(try platc(["check"], in: platform.root).exitCode == 0)
    }

    @Test func aFIFONamedLikeASourceDoesNotHang() throws {
        let platform = try TemporaryPlatform()
        #expect(mkfifo(platform.root.appendingPathComponent("tenants/pipe.yaml").path, 0o644) == 0)
        let result = try platc(["check"], in: platform.root, timeout: 20)
        #expect(result.exitCode == 0)
    }

    @Test func linkCyclesAreWalkedOnce() throws {
        let platform = try TemporaryPlatform()
        try FileManager.default.createSymbolicLink(
            atPath: platform.root.appendingPathComponent("tenants/loop").path, withDestinationPath: ".")
        #expect(try platc(["check"], in: platform.root, timeout: 20).exitCode == 0)
    }

    @Test func unreadableFileIsAnIOError() throws {
        guard getuid() != 0 else {
            // root reads any file; the check is meaningful only for ordinary users. Prove the
            // exit-2 path with a directory that cannot be listed as root either: a missing root.
            let result = try platc(["check", "--root", "/nonexistent/platform"])
            #expect(result.exitCode == 2)
            return
        }
        let platform = try TemporaryPlatform()
        chmod(platform.root.appendingPathComponent("tenants/team.yaml").path, 0)
        let result = try platc(["check"], in: platform.root)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("cannot read 'tenants/team.yaml'"))
    }
}

/// The exit-code contract of DESIGN.md: 0 clean, 1 source errors, 2 usage or I/O.
@Suite struct ExitCodeTests {
    @Test func missingRootIsExit2() throws {
        let result = try platc(["check", "--root", "/nonexistent/platform"])
        #expect(result.exitCode == 2)
        #expect(result.stderr == "platc: error: '/nonexistent/platform' is not a directory\n")
    }

    @Test func folderWithoutPlatformIsExit2() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("platc-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try platc(["check", "--root", empty.path])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("has no platform/ folder"))
    }

    @Test(arguments: [["check", "--format", "xml"], ["check", "--bogus"], ["frobnicate"], ["rules", "schema/unknwn-key"]])
    func usageErrorsAreExit2(_ arguments: [String]) throws {
        let result = try platc(arguments)
        #expect(result.exitCode == 2, "\(arguments): \(result.exitCode) \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func unknownRuleSuggestsTheClosest() throws {
        let result = try platc(["rules", "schema/unknwn-key"])
        #expect(result.stderr == "platc: error: no rule 'schema/unknwn-key'; did you mean 'schema/unknown-key'?\n")
    }

    @Test func helpAndVersionAreExit0() throws {
        #expect(try platc(["--help"]).exitCode == 0)
        let version = try platc(["version"])
        #expect(version.exitCode == 0)
        #expect(version.stdout.contains("libgit2 1."))
        #expect(version.stdout.contains("libyaml 0."))
    }

    @Test func explainsOneRule() throws {
        let result = try platc(["rules", "yaml/duplicate-key"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("## yaml/duplicate-key\n"))
    }
}
