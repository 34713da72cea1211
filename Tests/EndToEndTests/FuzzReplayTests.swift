import Foundation
import PlatcTestSupport
import Testing

/// The fuzz seeds and every reproducer the fuzz campaigns found replay through the loader and all
/// diagnostic formats without a crash (the non-sanitized `platc-fuzz` replays given inputs).
@Suite struct FuzzReplayTests {
    @Test func seedsAndRegressionsReplayCleanly() throws {
        let replay = Paths.platcBinary.deletingLastPathComponent().appendingPathComponent("platc-fuzz")
        let folders = ["fuzz-seeds", "fuzz-regressions"].map { Paths.fixtures.appendingPathComponent($0).path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        let result = try run(replay, folders, timeout: 120)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("replayed "))
    }
}
