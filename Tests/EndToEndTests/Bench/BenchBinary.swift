import Foundation
import PlatcTestSupport

/// The built `platc-bench`, found like `platc` (Paths.platcBinary): next to the test bundle,
/// which `swift build` / `swift test` build with every product. PLATC_BENCH_BINARY overrides it.
enum BenchBinary {
    static var url: URL {
        if let override = ProcessInfo.processInfo.environment["PLATC_BENCH_BINARY"] { return URL(fileURLWithPath: override) }
        return Paths.platcBinary.deletingLastPathComponent().appendingPathComponent("platc-bench")
    }

    static func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> ProcessResult {
        try PlatcTestSupport.run(url, arguments, in: Paths.packageRoot, timeout: timeout)
    }

    /// A fresh folder under the temporary directory, removed by `remove`.
    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("platc-bench-test-\(UUID().uuidString)")
    }
}
