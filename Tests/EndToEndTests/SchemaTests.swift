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
            if ["platform", "tenants", "models"].contains(top), path.hasSuffix(".yaml") {
                files.append(root.appendingPathComponent(path).path)
            }
        }
        return files.sorted()
    }

    @Test func defaultPlatformValidatesAgainstTheSchema() throws {
        let files = Self.sourceFiles(in: Paths.packageRoot)
        #expect(files.count >= 10)
        let result = try ExternalTools.checkJSONSchema(Self.committed, files)
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
    }

    /// The schema is strict like the loader: a misspelt key fails both.
    @Test(arguments: [
        "schema-unknown-key-suggestion", "schema-bad-enum-value", "schema-wrong-type-quoted-number", "schema-bad-unit-memory",
    ])
    func schemaRejectsWhatTheLoaderRejects(_ fixture: String) throws {
        let platform = try TemporaryPlatform()
        try platform.overlay(Paths.badFixtures.appendingPathComponent(fixture))
        let result = try ExternalTools.checkJSONSchema(Self.committed, Self.sourceFiles(in: platform.root))
        #expect(result.exitCode == 1, "\(fixture) passed the schema:\n\(result.stdout)")
    }
}

@Suite struct LanguageReferenceTests {
    @Test func referencePageIsCurrent() throws {
        let result = try platc(["schema", "--format", "markdown"])
        #expect(result.exitCode == 0)
        let page = Paths.packageRoot.appendingPathComponent("docs/language-reference.md")
        if let diff = try Golden.compare(result.stdout, with: page) {
            Issue.record("docs/language-reference.md is stale: run `platc schema --format markdown > docs/language-reference.md`\n\(diff)")
        }
    }
}

/// The annotated examples of docs/language.md are real: laid out as a platform (each block says
/// its file), they pass `platc check`.
@Suite struct LanguageExamplesTests {
    @Test func examplesInTheLanguageGuideCheckClean() throws {
        let guide = try String(contentsOf: Paths.packageRoot.appendingPathComponent("docs/language.md"), encoding: .utf8)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("platc-guide-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var written = 0
        for block in guide.components(separatedBy: "```yaml\n").dropFirst() {
            let body = block.components(separatedBy: "```").first ?? ""
            guard body.hasPrefix("# file: ") else { continue }
            let path = String(body.dropFirst("# file: ".count).prefix { $0 != "\n" })
            let target = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(body.utf8).write(to: target)
            written += 1
        }
        #expect(written == 6, "one example per kind, an embedding model and a hosted model")
        let configs = root.appendingPathComponent("models/configs")
        try FileManager.default.createDirectory(at: configs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Paths.packageRoot.appendingPathComponent("models/configs/llama-3-1-8b-instruct.json"),
            to: configs.appendingPathComponent("llama-3-1-8b-instruct.json"))
        try FileManager.default.copyItem(
            at: Paths.fixtures.appendingPathComponent("zero-idle-lab/models/configs/qwen3-embedding-0-6b.json"),
            to: configs.appendingPathComponent("qwen3-embedding-0-6b.json"))
        let result = try platc(["check", "--root", root.path])
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
    }
}
