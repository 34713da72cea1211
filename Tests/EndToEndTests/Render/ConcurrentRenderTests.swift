import Foundation
import PlatcTestSupport
import Testing

/// Two renders into one out/ at once (an editor's save hook and a pre-commit hook, two CI steps)
/// take turns: both succeed and out/ is exactly one of the two renders, never a stage one of
/// them deleted under the other.
@Suite struct ConcurrentRenderTests {
    @Test func twoRendersIntoOneOutTakeTurns() throws {
        let scratch = try ScratchFolder()
        // Two platforms of 1,400 files that differ in 36: renders long enough for their write
        // phases to overlap when both start together.
        let first = scratch.url.appendingPathComponent("first"), second = scratch.url.appendingPathComponent("second")
        let shape = ["--tenants", "150", "--models", "10", "--gpu-classes", "2"]
        let generated = try BenchBinary.run(["generate"] + shape + ["--repo", Paths.packageRoot.path, first.path], timeout: 300)
        try #require(generated.exitCode == 0, "\(generated.stderr)")
        try FileManager.default.copyItem(at: first, to: second)
        try SyntheticPlatformEdit(
            changed: ["team-00010", "team-00020"], removed: ["team-00101"], added: ["team-new-1"], template: "team-00001"
        ).apply(to: second)
        var references: [[String: Data]] = []
        for root in [first, second] {
            let alone = root.appendingPathComponent("out")
            #expect(try platc(["render", "--root", root.path, "--out", alone.path], timeout: 120).exitCode == 0)
            references.append(try TreeCompare.files(under: alone))
        }
        try #require(references[0] != references[1])
        let out = scratch.url.appendingPathComponent("shared/out")
        for round in 0..<8 {
            let processes = try [first, second].map { root in
                let process = Process()
                process.executableURL = Paths.platcBinary
                process.arguments = ["render", "--root", root.path, "--out", out.path]
                process.standardOutput = FileHandle.nullDevice
                let errors = Pipe()
                process.standardError = errors
                try process.run()
                return (process, errors)
            }
            for (process, errors) in processes {
                let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "round \(round): \(text)")
            }
            let result = try TreeCompare.files(under: out)
            #expect(references.contains(result), "round \(round): out/ is neither render (\(result.count) files)")
            #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("shared/.out.platc-stage").path))
        }
    }
}
