import Foundation
import PlatcTestSupport
import Testing

/// The embedded default platform at the repository root is clean, in every format.
@Suite struct DefaultPlatformTests {
    @Test func checkIsClean() throws {
        let result = try platc(["check", "--root", Paths.packageRoot.path])
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no problems"))
    }

    @Test func jsonReportIsEmpty() throws {
        let result = try platc(["check", "--format", "json"], in: Paths.packageRoot)
        #expect(result.exitCode == 0)
        #expect(
            result.stdout == """
                {
                  "version": 1,
                  "summary": {
                    "errors": 0,
                    "warnings": 0
                  },
                  "diagnostics": []
                }

                """)
    }

    @Test func minimalFixtureIsClean() throws {
        let result = try platc(["check", "--root", Paths.minimalPlatform.path])
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
    }
}
