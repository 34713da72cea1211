import Foundation
import PlatcTestSupport
import Testing

/// `platc-bench generate` keeps its two promises: the same arguments give the same bytes, and
/// the platform passes `platc check` with no problems.
@Suite struct BenchGeneratorTests {
    static let shape = ["--tenants", "40", "--models", "12", "--gpu-classes", "8"]

    static func generate(into folder: URL) throws -> ProcessResult {
        try BenchBinary.run(["generate"] + shape + ["--repo", Paths.packageRoot.path, folder.path])
    }

    @Test func sameArgumentsGiveTheSameTreeThatChecksClean() async throws {
        let folders = [BenchBinary.temporaryFolder(), BenchBinary.temporaryFolder()]
        defer { for folder in folders { try? FileManager.default.removeItem(at: folder) } }
        // Two processes at once: in debug one takes about ten seconds.
        async let first = Self.generate(into: folders[0])
        async let second = Self.generate(into: folders[1])
        for generated in try await [first, second] {
            try #require(generated.exitCode == 0, "\(generated.stdout)\(generated.stderr)")
        }
        let one = try TreeCompare.files(under: folders[0])
        let other = try TreeCompare.files(under: folders[1])
        #expect(one.keys.filter { $0.hasPrefix("tenants/") }.count == 40)
        #expect(one.keys.filter { $0.hasPrefix("models/") && $0.hasSuffix(".yaml") }.count == 12)
        #expect(one.keys.filter { $0.hasPrefix("platform/gpu-classes/") }.count == 8)
        #expect(one.keys.sorted() == other.keys.sorted())
        for path in one.keys.sorted() where one[path] != other[path] {
            Issue.record("\(path) differs between two runs with the same arguments")
        }

        let check = try platc(["check", "--root", folders[0].path])
        #expect(check.exitCode == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stderr.contains("no problems"), "\(check.stdout)\(check.stderr)")
    }
}
