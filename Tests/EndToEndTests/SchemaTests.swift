import Foundation
import PlatcTestSupport
import Testing

/// `platc schema` is committed (editors point at it), current, and accepts the default platform;
/// a real validator (check-jsonschema) does the validating.
@Suite struct SchemaTests {
    static let committed = Paths.packageRoot.appendingPathComponent("schema/platc.schema.json")

    @Test func committedSchemaIsCurrent() throws {
        let result = try platc(["schema"])
        #expect(result.exitCode == 0)
        if let diff = try Golden.compare(result.stdout, with: Self.committed) {
            Issue.record("schema/platc.schema.json is stale: run `platc schema > schema/platc.schema.json`\n\(diff)")
        }
    }

    static func sourceFiles(in root: URL) -> [String] {
        let walker = FileManager.default.enumerator(atPath: root.path)
        var files: [String] = []
        while let path = walker?.nextObject() as? String {
            let top = path.split(separator: "/").first.map(String.init) ?? ""
            if ["platform", "tenants", "models"].contains(top), path.hasSuffix(".yaml") { files.append(root.appendingPathComponent(path).path) }
        }
        return files.sorted()
    }

    @Test func defaultPlatformValidatesAgainstTheSchema() throws {
        let files = Self.sourceFiles(in: Paths.packageRoot)
        #expect(files.count >= 10)
        let result = try runTool("check-jsonschema", ["--schemafile", Self.committed.path] + files)
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
    }

    /// The schema is strict like the loader: a misspelt key fails both.
    @Test(arguments: ["schema-unknown-key-suggestion", "schema-bad-enum-value", "schema-wrong-type-quoted-number", "schema-bad-unit-memory"])
    func schemaRejectsWhatTheLoaderRejects(_ fixture: String) throws {
        let platform = try TemporaryPlatform()
        try platform.overlay(Paths.badFixtures.appendingPathComponent(fixture))
        let result = try runTool("check-jsonschema", ["--schemafile", Self.committed.path] + Self.sourceFiles(in: platform.root))
        #expect(result.exitCode == 1, "\(fixture) passed the schema:\n\(result.stdout)")
    }
}
