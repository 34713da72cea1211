import Foundation
import PlatcTestSupport
import Testing

/// Parallel work must not change a byte: a synthetic platform rendered on one thread and on
/// four (more threads than this machine has cores, so tasks interleave) gives the same out/, and
/// a platform with many findings gives the same report.
@Suite struct ParallelRenderTests {
    static func platc(_ arguments: [String], threads: Int) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["PLATC_THREADS"] = "\(threads)"
        environment["NO_COLOR"] = "1"
        return try run(Paths.platcBinary, arguments, environment: environment, timeout: 300)
    }

    @Test func oneThreadAndFourRenderTheSameBytes() throws {
        let root = BenchBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let platform = root.appendingPathComponent("platform")
        let generated = try BenchBinary.run(
            ["generate", "--tenants", "60", "--models", "16", "--gpu-classes", "8", "--repo", Paths.packageRoot.path, platform.path])
        try #require(generated.exitCode == 0, "\(generated.stdout)\(generated.stderr)")

        var trees: [[String: Data]] = []
        for threads in [1, 4] {
            let out = root.appendingPathComponent("out-\(threads)")
            let rendered = try Self.platc(["render", "--root", platform.path, "--out", out.path], threads: threads)
            try #require(rendered.exitCode == 0, "\(rendered.stdout)\(rendered.stderr)")
            trees.append(try TreeCompare.files(under: out))
        }
        #expect(trees[0].count > 500)
        #expect(trees[0].keys.sorted() == trees[1].keys.sorted())
        for path in trees[0].keys.sorted() where trees[0][path] != trees[1][path] {
            Issue.record("\(path) differs between 1 and 4 threads")
        }
        // And each thread count accepts the other's render as current.
        let check = try Self.platc(
            ["render", "--check", "--root", platform.path, "--out", root.appendingPathComponent("out-1").path], threads: 4)
        #expect(check.exitCode == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func oneThreadAndFourReportTheSameFindings() throws {
        // Every bad fixture at once: findings from the loader, every check family and the secret scan.
        for fixture in Paths.subfolders(of: Paths.badFixtures) {
            let root = Paths.badFixtures.appendingPathComponent(fixture).path
            let reports = try [1, 4].map { try Self.platc(["check", "--root", root, "--format", "json"], threads: $0) }
            #expect(reports[0].exitCode == reports[1].exitCode, "\(fixture)")
            #expect(reports[0].stdout == reports[1].stdout, "\(fixture): the JSON report differs between 1 and 4 threads")
        }
    }
}
