import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

/// Every derived number of every model, on every rendered fixture platform, reads the same on
/// each surface that prints it: the pod annotations Kyverno compares, `platc fit` (text and
/// JSON), the catalog, `platc diff`'s summary and the check messages. All through the binary.
/// Each surface must print the figures `platc fit --format json` states (FitFigures: concurrency
/// rounded down to hundredths, GiB to hundredths).
@Suite struct FigureConsistencyTests {
    static let platforms = [
        "", "Tests/Fixtures/minimal", "Tests/Fixtures/timeslicing-keda", "Tests/Fixtures/single-l4", "Tests/Fixtures/zero-idle-lab",
    ]

    /// One model's figures as `platc fit --format json` states them.
    struct Figures: Equatable, CustomStringConvertible {
        var model: String
        var concurrency: String
        var kvCacheGiB: String
        var weightsGiB: String
        var kvTokens: String
        var visibleGiB: String

        init(_ json: JSONValue) throws {
            model = try #require(json["model"]?.stringValue)
            concurrency = try Self.hundredths(json["maxConcurrency"])
            kvCacheGiB = try Self.hundredths(json["kvCacheGiB"])
            weightsGiB = try Self.hundredths(json["weightsGiB"])
            kvTokens = String(try #require(json["kvTokens"]?.integerValue))
            visibleGiB = try Self.hundredths(json["visibleGiB"])
        }

        /// A JSON number as the two-decimal text every other surface prints.
        static func hundredths(_ value: JSONValue?) throws -> String {
            let number = try #require(value?.doubleValue)
            let units = Int64((number * 100).rounded())
            let fraction = String(units.magnitude % 100)
            return (units < 0 ? "-" : "") + "\(units.magnitude / 100)." + (fraction.count == 1 ? "0" : "") + fraction
        }

        var description: String { "\(model): \(concurrency)× \(kvCacheGiB) GiB KV, \(weightsGiB) GiB weights, \(kvTokens) tokens" }
    }

    /// The model's `servedName`, the catalog's base model, read from its source file.
    static func servedName(of model: String, in root: URL) throws -> String {
        let models = root.appendingPathComponent("models")
        let file = try #require(
            FileManager.default.enumerator(atPath: models.path)?.compactMap { $0 as? String }.first {
                $0.hasSuffix("/\(model).yaml") || $0 == "\(model).yaml"
            })
        let text = try String(contentsOf: models.appendingPathComponent(file), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("servedName: ") })
        return String(line.dropFirst("servedName: ".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
    }

    static func fitFigures(_ root: URL) throws -> [Figures] {
        let result = try platc(["fit", "--format", "json", "--root", root.path])
        try #require(result.exitCode == 0, "\(result.stderr)")
        let json = try JSONParser.parse(Array(result.stdout.utf8)).get()
        return try (json["models"]?.arrayValue ?? []).map(Figures.init)
    }

    /// A copy of the platform's sources in a fresh Git repository, rendered.
    static func copy(_ platform: String) throws -> (ScratchFolder, URL) {
        let scratch = try ScratchFolder()
        let root = scratch.url.appendingPathComponent("repo")
        let source = platform.isEmpty ? Paths.packageRoot : Paths.packageRoot.appendingPathComponent(platform)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["platform", "tenants", "models"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        return (scratch, root)
    }

    @Test(arguments: platforms)
    func everySurfacePrintsTheFitFigures(_ platform: String) throws {
        let (scratch, root) = try Self.copy(platform)
        _ = scratch
        let figures = try Self.fitFigures(root)
        try #require(!figures.isEmpty, "\(platform) has no sized model")
        let render = try platc(["render", "--root", root.path])
        try #require(render.exitCode == 0, "\(render.stdout)\(render.stderr)")

        // `platc fit` text: the rows of each model's breakdown.
        let text = try platc(["fit", "--root", root.path]).stdout
        for figure in figures {
            let block = text.components(separatedBy: "\n\n").first { $0.hasPrefix(figure.model + " on ") } ?? ""
            #expect(Self.row(block, "concurrency")?.hasPrefix(figure.concurrency + " ") == true, "\(figure) vs\n\(block)")
            #expect(Self.row(block, "KV cache")?.hasPrefix(figure.kvCacheGiB + " GiB") == true, "\(figure) vs\n\(block)")
            #expect(Self.row(block, "weights")?.hasPrefix(figure.weightsGiB + " GiB") == true, "\(figure) vs\n\(block)")
            #expect(block.contains(": \(figure.kvTokens) tokens"), "\(figure) vs\n\(block)")
            #expect(block.contains(" \(figure.visibleGiB) GiB visible)"), "\(figure) vs\n\(block)")
        }

        // The pod annotations of each model's Deployment (what Kyverno and dashboards read).
        for figure in figures {
            let manifests = root.appendingPathComponent("out/manifests")
            let path = try #require(
                (FileManager.default.subpaths(atPath: manifests.path) ?? []).first { $0.hasSuffix("/deployment.\(figure.model).yaml") }
                    .map(manifests.appendingPathComponent), "no Deployment of \(figure.model)")
            let deployment = try String(contentsOf: path, encoding: .utf8)
            #expect(deployment.contains("platc.dev/max-concurrency: '\(figure.concurrency)'"), "\(figure)")
            #expect(deployment.contains("platc.dev/kv-cache-tokens: '\(figure.kvTokens)'"), "\(figure)")
        }

        // The catalog: each name's row in models.md and the model's card on the page.
        let markdown = try String(contentsOf: root.appendingPathComponent("out/catalog/models.md"), encoding: .utf8)
        let page = try String(contentsOf: root.appendingPathComponent("out/catalog/index.html"), encoding: .utf8)
        for figure in figures {
            // A model row: `| **name** | served name | …`, one per alias of the model.
            let served = try Self.servedName(of: figure.model, in: root)
            let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| **") && $0.contains("** | \(served) |") }
            #expect(!rows.isEmpty, "\(figure.model) has no catalog row")
            for row in rows {
                #expect(
                    row.contains("weights \(figure.weightsGiB) · KV cache \(figure.kvCacheGiB) · ")
                        && row.contains(" of \(figure.visibleGiB) GiB per GPU | \(figure.concurrency) |"), "\(figure) vs \(row)")
            }
            #expect(page.contains("max concurrency \(figure.concurrency) at "), "\(figure)")
        }

        // `platc diff`: a base whose GPU classes show CUDA 256 MiB more moves every model's
        // figures, so the summary prints each model's head figures as its after values.
        let top = root
        try Self.git(top, "init", "-q", "-b", "main")
        let classes = try Self.gpuClassFiles(root)
        let original = try classes.map { try String(contentsOf: $0, encoding: .utf8) }
        for (file, visible) in try Self.visibleMemory(root, classes, figures) {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("visibleMemory:") }
            try (lines.joined(separator: "\n") + "\nvisibleMemory: \(visible)Mi\n").write(to: file, atomically: true, encoding: .utf8)
        }
        let baseRender = try platc(["render", "--root", root.path])
        try #require(baseRender.exitCode == 0, "the base must check clean: \(baseRender.stdout)\(baseRender.stderr)")
        try Self.git(top, "add", "-A")
        try Self.git(top, "commit", "-q", "-m", "base")
        for (file, text) in zip(classes, original) { try text.write(to: file, atomically: true, encoding: .utf8) }
        let diff = try platc(["diff", "--format", "json", "--root", root.path])
        try #require(diff.exitCode == 0, "\(diff.stderr)")
        let changes = try JSONParser.parse(Array(diff.stdout.utf8)).get()["platform"]?.arrayValue ?? []
        func after(_ model: String, _ field: String) -> String? {
            changes.first {
                $0["topic"]?.stringValue == "fit" && $0["subject"]?.stringValue == model && $0["field"]?.stringValue == field
            }?[
                "after"]?.stringValue
        }
        for figure in figures {
            #expect(after(figure.model, "max concurrency") == figure.concurrency + "×", "\(figure)")
            #expect(after(figure.model, "VRAM headroom") == figure.kvCacheGiB + " GiB", "\(figure)")
        }
    }

    /// The check messages: with maxNumSeqs just above what each model's cache holds,
    /// `fit/low-concurrency` speaks of the models, with the figures `platc fit` states for that
    /// same platform.
    @Test(arguments: platforms)
    func checkMessagesPrintTheFitFigures(_ platform: String) throws {
        let (scratch, root) = try Self.copy(platform)
        _ = scratch
        let models = root.appendingPathComponent("models")
        let holds = Dictionary(
            try Self.fitFigures(root).map { ($0.model, Int(Double($0.concurrency) ?? 0) + 1) }, uniquingKeysWith: { first, _ in first })
        for (model, seqs) in holds {
            let file = models.appendingPathComponent("\(model).yaml")
            var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            lines.removeAll { $0.hasPrefix("  maxNumSeqs:") }
            if let serving = lines.firstIndex(of: "serving:") { lines.insert("  maxNumSeqs: \(min(seqs, 65_536))", at: serving + 1) }
            try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        }
        let figures = try Self.fitFigures(root)
        let check = try platc(["check", "--format", "json", "--root", root.path])
        let findings = try JSONParser.parse(Array(check.stdout.utf8)).get()["diagnostics"]?.arrayValue ?? []
        var spoken = 0
        for figure in figures {
            let message = findings.compactMap { finding -> String? in
                guard finding["rule"]?.stringValue == "fit/low-concurrency",
                    let text = finding["message"]?.stringValue, text.hasPrefix("'\(figure.model)' holds ")
                else { return nil }
                return text
            }.first
            guard let message else { continue }
            spoken += 1
            #expect(
                message.contains("holds \(figure.concurrency) requests of ")
                    && message.contains("in its \(figure.kvCacheGiB) GiB KV cache"),
                "\(figure) vs \(message)")
        }
        #expect(spoken > 0, "no fit/low-concurrency finding on \(platform): \(check.stdout)")
    }

    // MARK: - Helpers

    /// The value column of a `platc fit` breakdown row.
    static func row(_ block: String, _ label: String) -> String? {
        block.split(separator: "\n").first { $0.hasPrefix(label + " ") }.map {
            String($0.dropFirst(18)).trimmingCharacters(in: .whitespaces)
        }
    }

    static func gpuClassFiles(_ root: URL) throws -> [URL] {
        let platform = root.appendingPathComponent("platform")
        let paths = FileManager.default.enumerator(atPath: platform.path)?.compactMap { $0 as? String } ?? []
        return try paths.filter { $0.hasSuffix(".yaml") }.sorted().map { platform.appendingPathComponent($0) }.filter {
            try String(contentsOf: $0, encoding: .utf8).contains("kind: GPUClass")
        }
    }

    /// Each class's visible memory as `platc fit` reports it, 256 MiB more.
    static func visibleMemory(_ root: URL, _ classes: [URL], _ figures: [Figures]) throws -> [(URL, Int64)] {
        let json = try JSONParser.parse(Array(try platc(["fit", "--format", "json", "--root", root.path]).stdout.utf8)).get()
        var visible: [String: Double] = [:]
        for model in json["models"]?.arrayValue ?? [] {
            if let name = model["gpuClass"]?.stringValue, let gib = model["visibleGiB"]?.doubleValue { visible[name] = gib }
        }
        return try classes.compactMap { file in
            let text = try String(contentsOf: file, encoding: .utf8)
            let name = text.split(separator: "\n").first { $0.hasPrefix("name: ") }.map { String($0.dropFirst(6)) } ?? ""
            return visible[name].map { (file, Int64(($0 * 1024).rounded()) + 256) }
        }
    }

    @discardableResult
    static func git(_ top: URL, _ arguments: String...) throws -> ProcessResult {
        let identity = ["-c", "user.name=platc-test", "-c", "user.email=test@platc.dev", "-c", "init.defaultBranch=main"]
        let result = try runTool("git", identity + arguments, in: top)
        try #require(result.exitCode == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }
}
