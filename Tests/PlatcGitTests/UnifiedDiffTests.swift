import Foundation
import Testing

@testable import PlatcGit

@Suite struct UnifiedDiffTests {
    private let configMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: search
        data:
          a: "1"
          b: "2"
          c: "3"
          d: "4"

        """

    @Test func aModifiedFile() throws {
        let changed = configMap.replacingOccurrences(of: "b: \"2\"", with: "b: \"20\"")
        let patch = try UnifiedDiff.patch(
            old: Array(configMap.utf8), new: Array(changed.utf8), oldPath: "out/cm.yaml", newPath: "out/cm.yaml")
        #expect(
            patch == """
                --- a/out/cm.yaml
                +++ b/out/cm.yaml
                @@ -4,6 +4,6 @@ metadata:
                   name: search
                 data:
                   a: "1"
                -  b: "2"
                +  b: "20"
                   c: "3"
                   d: "4"

                """)
    }

    @Test func fewerContextLines() throws {
        let changed = configMap.replacingOccurrences(of: "b: \"2\"", with: "b: \"20\"")
        let patch = try UnifiedDiff.patch(old: Array(configMap.utf8), new: Array(changed.utf8), oldPath: "x", newPath: "x", contextLines: 0)
        #expect(patch == "--- a/x\n+++ b/x\n@@ -7 +7 @@ data:\n-  b: \"2\"\n+  b: \"20\"\n")
    }

    @Test func anAddedFile() throws {
        let patch = try UnifiedDiff.patch(old: nil, new: Array("a: 1\nb: 2\n".utf8), oldPath: "out/n.yaml", newPath: "out/n.yaml")
        #expect(patch == "--- /dev/null\n+++ b/out/n.yaml\n@@ -0,0 +1,2 @@\n+a: 1\n+b: 2\n")
    }

    @Test func aRemovedFile() throws {
        let patch = try UnifiedDiff.patch(old: Array("a: 1\n".utf8), new: nil, oldPath: "out/n.yaml", newPath: "out/n.yaml")
        #expect(patch == "--- a/out/n.yaml\n+++ /dev/null\n@@ -1 +0,0 @@\n-a: 1\n")
    }

    @Test func anEmptyFileAddedOrRemovedStillShowsItsHeader() throws {
        #expect(try UnifiedDiff.patch(old: nil, new: [], oldPath: "e", newPath: "e") == "--- /dev/null\n+++ b/e\n")
        #expect(try UnifiedDiff.patch(old: [], new: nil, oldPath: "e", newPath: "e") == "--- a/e\n+++ /dev/null\n")
        #expect(
            try UnifiedDiff.patch(old: [], new: Array("x\n".utf8), oldPath: "e", newPath: "e") == "--- a/e\n+++ b/e\n@@ -0,0 +1 @@\n+x\n")
    }

    @Test func identicalContentGivesNothing() throws {
        #expect(try UnifiedDiff.patch(old: Array(configMap.utf8), new: Array(configMap.utf8), oldPath: "x", newPath: "x") == "")
        #expect(try UnifiedDiff.patch(old: nil, new: nil, oldPath: "x", newPath: "x") == "")
        #expect(try UnifiedDiff.patch(old: [0, 1], new: [0, 1], oldPath: "x", newPath: "x") == "")
    }

    @Test func aMissingNewlineAtTheEndIsMarked() throws {
        let patch = try UnifiedDiff.patch(old: Array("a\nb\n".utf8), new: Array("a\nb".utf8), oldPath: "f", newPath: "f")
        #expect(patch == "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n")
    }

    @Test func binaryContentIsOneLine() throws {
        let patch = try UnifiedDiff.patch(old: [0x61, 0x00, 0x62], new: [0x61, 0x00, 0x63], oldPath: "out/x.bin", newPath: "out/x.bin")
        #expect(patch == "Binary files a/out/x.bin and b/out/x.bin differ\n")
        #expect(try UnifiedDiff.patch(old: nil, new: [0x00], oldPath: "y", newPath: "y") == "Binary files /dev/null and b/y differ\n")
    }

    @Test func aRenameNamesBothPaths() throws {
        let patch = try UnifiedDiff.patch(old: Array("a\n".utf8), new: Array("b\n".utf8), oldPath: "old.yaml", newPath: "new.yaml")
        #expect(patch == "--- a/old.yaml\n+++ b/new.yaml\n@@ -1 +1 @@\n-a\n+b\n")
    }

    /// The same text `git diff --no-index` prints after its `index` line, for a few shapes.
    @Test func agreesWithTheGitCommandLine() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let cases: [(old: String?, new: String?)] = [
            (configMap, configMap.replacingOccurrences(of: "d: \"4\"\n", with: "d: \"4\"\n  e: \"5\"")),
            (configMap, String(configMap.dropFirst(16))),
            ((1...40).map { "line \($0)\n" }.joined(), (1...40).map { $0 % 9 == 0 ? "changed \($0)\n" : "line \($0)\n" }.joined()),
            (nil, "only\nnew\n"),
        ]
        for (index, shape) in cases.enumerated() {
            let old = "old\(index).yaml", new = "new\(index).yaml"
            try sandbox.write(old, shape.old ?? "")
            try sandbox.write(new, shape.new ?? "")
            let expected = try gitDiff(sandbox, shape.old == nil ? "/dev/null" : old, new)
            let actual = try UnifiedDiff.patch(
                old: shape.old.map { Array($0.utf8) }, new: shape.new.map { Array($0.utf8) }, oldPath: old, newPath: new)
            #expect(actual == expected, "case \(index)")
        }
    }

    /// `git diff --no-index` from its `---` line (it exits 1 when the files differ).
    private func gitDiff(_ sandbox: GitSandbox, _ old: String, _ new: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "diff", "--no-index", "--no-color", "--no-ext-diff", old, new]
        process.currentDirectoryURL = sandbox.root
        process.environment = [
            "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return UnifiedDiff.fromFileHeader(text) ?? "no --- line in: \(text)"
    }
}
