import Foundation
import PlatcChecks
import PlatcCompiler
import PlatcSpec
import PlatcTestSupport
import Testing

/// Secret-looking values planted in every string field of real platforms, one field at a time:
/// each must be a `policy/inline-secret` error at its own line, so nothing is rendered, and no
/// output format may quote it — not even another rule's message about the same value (a name
/// that is not a DNS label quotes the name). Then all of them at once through the built binary:
/// `platc render` fails and writes nothing.
@Suite struct PlantedSecretTests {
    /// One of each kind the scan knows, and a database URL, whose password is the secret part.
    static let plants: [(value: String, secret: String)] = [
        ("sk-proj-Q3vT9xLm2RkP7wYz4NbC8dFh", "sk-proj-Q3vT9xLm2RkP7wYz4NbC8dFh"),
        ("sk-ant-api03-Zr8Kq2Lm5Vn9Xb4Tc7Wd1Yf", "sk-ant-api03-Zr8Kq2Lm5Vn9Xb4Tc7Wd1Yf"),
        ("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", "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"),
        ("ghp_R4nD0mT0k3nV4lu3Xy9Qw2Er5Ty8Ui1Op3As", "ghp_R4nD0mT0k3nV4lu3Xy9Qw2Er5Ty8Ui1Op3As"),
        ("AKIA2E0A8F3B244C9986", "AKIA2E0A8F3B244C9986"),
        ("xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp", "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp"),
        (
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGF0YyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGF0YyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ"
        ),
        ("postgresql://litellm:Pl4nt3dPassw0rd@db.internal:5432/litellm", "Pl4nt3dPassw0rd"),
    ]

    static let platforms = [Paths.packageRoot, Paths.fixtures.appendingPathComponent("timeslicing-keda")]

    @Test(arguments: platforms)
    func everyYAMLStringFieldIsCaughtAndNeverQuoted(root: URL) throws {
        let tree = try SourceTree.reading(root)
        var planted = 0
        for file in tree.files where SourceTree.isDocument(file.path) {
            for (index, field) in Self.stringFields(file).enumerated() {
                let plant = Self.plants[(planted + index) % Self.plants.count]
                let bytes = Self.replacing(field, in: file.bytes, with: "\"\(plant.value)\"")
                let (diagnostics, sources) = Self.check(tree, replacing: file.path, with: bytes)
                let caught = diagnostics.contains {
                    $0.ruleID == "policy/inline-secret" && $0.span?.file == file.path && $0.span?.start.line == field.line
                }
                #expect(caught, "\(file.path):\(field.line): '\(plant.value)' was not reported")
                #expect(diagnostics.contains { $0.severity == .error })
                Self.expectNotQuoted(plant.secret, in: diagnostics, sources: sources)
            }
            planted += Self.stringFields(file).count
        }
        // The default and the keda fixture have a few hundred string fields; far fewer means the walk broke.
        #expect(planted > 100, "only \(planted) fields planted")
    }

    @Test(arguments: platforms)
    func everyConfigJSONStringIsCaught(root: URL) throws {
        let tree = try SourceTree.reading(root)
        var planted = 0
        for file in tree.files where file.path.hasSuffix(".json") {
            let text = String(decoding: file.bytes, as: UTF8.self)
            for match in text.matches(of: /: "([^"\\]*)"/) {
                let plant = Self.plants[planted % Self.plants.count]
                planted += 1
                var changed = text
                changed.replaceSubrange(match.1.startIndex..<match.1.endIndex, with: plant.value)
                let bytes = Array(changed.utf8)
                let (diagnostics, sources) = Self.check(tree, replacing: file.path, with: bytes)
                let configName = String(file.path.split(separator: "/").last!)
                let caught = diagnostics.contains { $0.ruleID == "policy/inline-secret" && $0.message.contains(configName) }
                #expect(caught, "\(file.path): \(match.0) as '\(plant.value)' was not reported")
                Self.expectNotQuoted(plant.secret, in: diagnostics, sources: sources)
            }
        }
        #expect(planted > 10, "only \(planted) config strings planted")
    }

    /// Every field of every file planted at once, through the binary: render refuses and writes
    /// no out/, and no format of `platc check` prints a secret on stdout or stderr.
    @Test(arguments: platforms)
    func aRenderOfPlantedSourcesWritesNothingAndPrintsNoSecret(root: URL) throws {
        let scratch = try ScratchFolder()
        let tree = try SourceTree.reading(root)
        for file in tree.files {
            var bytes = file.bytes
            if SourceTree.isDocument(file.path) {
                // From the last field to the first, so earlier spans stay where they are.
                for (index, field) in Self.stringFields(file).enumerated().reversed() {
                    bytes = Self.replacing(field, in: bytes, with: "\"\(Self.plants[index % Self.plants.count].value)\"")
                }
            }
            let target = scratch.url.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: target)
        }
        var outputs = ""
        let render = try platc(["render"], in: scratch.url)
        #expect(render.exitCode == 1, "\(render.stderr)")
        #expect(render.stdout.contains("[policy/inline-secret]"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out").path))
        outputs += render.stdout + render.stderr
        for format in ["text", "json", "github", "sarif"] {
            let check = try platc(["check", "--format", format], in: scratch.url)
            #expect(check.exitCode == 1, "\(format): \(check.stderr)")
            #expect(check.stdout.contains("policy/inline-secret"))
            outputs += check.stdout + check.stderr
        }
        for plant in Self.plants {
            #expect(!Self.quotes(outputs, plant.secret), "printed \(plant.secret)")
        }
    }

    // MARK: - Planting

    struct Field {
        var line: Int
        /// Unicode-scalar columns, 1-based, end exclusive (as libyaml reports them).
        var columns: Range<Int>
    }

    /// Every scalar value (not key) that fits on one line: plain, single- or double-quoted.
    static func stringFields(_ file: SourceTree.File) -> [Field] {
        guard let root = YAMLComposer(file: file.path).compose(file.bytes).root else { return [] }
        var fields: [Field] = []
        func walk(_ node: YAMLNode) {
            switch node.content {
            case .mapping(let pairs): pairs.forEach { walk($0.value) }
            case .sequence(let items): items.forEach(walk)
            case .scalar(_, let style):
                guard style != .literal, style != .folded, node.span.endLine == node.span.start.line else { return }
                fields.append(Field(line: node.span.start.line, columns: node.span.start.column..<node.span.endColumn))
            }
        }
        walk(root)
        return fields
    }

    static func replacing(_ field: Field, in bytes: [UInt8], with text: String) -> [UInt8] {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var scalars = Array(lines[field.line - 1].unicodeScalars)
        scalars.replaceSubrange((field.columns.lowerBound - 1)..<(field.columns.upperBound - 1), with: text.unicodeScalars)
        lines[field.line - 1] = String(String.UnicodeScalarView(scalars))
        return Array(lines.joined(separator: "\n").utf8)
    }

    static func check(
        _ tree: SourceTree, replacing path: String, with bytes: [UInt8]
    ) -> (
        diagnostics: [Diagnostic], sources: SourceFiles
    ) {
        let files = tree.files.map { $0.path == path ? SourceTree.File(path: path, bytes: bytes) : $0 }
        let loaded = Loader().load(SourceTree(files: files))
        return (Compilation(loaded).diagnostics, loaded.sources)
    }

    static func expectNotQuoted(
        _ secret: String, in diagnostics: [Diagnostic], sources: SourceFiles, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let outputs = [
            TextFormatter(sources: sources).format(diagnostics), JSONFormatter.format(diagnostics), GitHubFormatter.format(diagnostics),
            SARIFFormatter.format(diagnostics, rules: Rule.loadRules + CheckPipeline.rules, toolVersion: "test"),
        ]
        for output in outputs where quotes(output, secret) {
            Issue.record("an output quotes '\(secret)':\n\(output)", sourceLocation: sourceLocation)
        }
    }

    /// Whether `output` holds any 8 characters of the secret after its first four (which messages may show).
    static func quotes(_ output: String, _ secret: String) -> Bool {
        let tail = Array(secret.dropFirst(4))
        guard tail.count >= 8 else { return output.contains(secret) }
        return (0...(tail.count - 8)).contains { output.contains(String(tail[$0..<($0 + 8)])) }
    }
}
