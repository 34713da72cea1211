import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

@testable import PlatcRender

/// The Swift writers against the Mustache templates they replace (`MustacheReference`): the same
/// bytes for the fixtures' views, for views whose sources carry hostile text, and for thousands
/// of generated views with hostile text in every field, empty lists and fields that disagree.
@Suite struct CatalogMustacheDifferentialTests {
    /// Text a value could hold: markup of both languages, template syntax, entities, line breaks,
    /// non-ASCII. None starts with a combining mark or ends with a prepending one, so joining two
    /// never glues a mark onto `"` or `<` (where the writer escapes and Mustache did not:
    /// `MarkupTests.htmlEscapesBytesNotCharacters`).
    static let hostile = [
        "", " ", "plain", "tiny", "<script>alert(1)</script>", "\"", "'", "&", "&amp;", "&lt;b&gt;", "<", ">", "\"'&<>",
        "{{x}}", "{{{x}}}", "{{/rows}}", "{{> bar}}", "{{.}}", "`code`", "```", "a|b", "|", "\\", "*bold*", "_it_",
        "[link](x)", "~~s~~", "# h", "line\nbreak", "\r\n", "\r", "\n", "a\u{2028}b", "\u{2029}", "日本語", "é", "e\u{301}",
        "👩‍👩‍👧", "\u{1FEF}", "×·—…", "\u{200B}zero", "\t tab", "%s %@", "\\u0041", "</td></tr>", "<!--", "-->", "]]>",
        "javascript:alert(1)", "\u{0}", "onmouseover=alert(1)", "data-x=\"y\"", "O'Neil", "12,345", "$0.10", "0.00",
    ]

    static func expectSame(_ view: CatalogView, _ what: String) {
        let page = CatalogPage.html(view), pageReference = MustacheReference.html(view)
        if page != pageReference || Array(page.utf8) != Array(pageReference.utf8) {
            Issue.record("index.html of \(what):\n\(Golden.unifiedDiff(pageReference, page, name: "index.html"))")
        }
        let markdown = CatalogMarkdown.markdown(view), markdownReference = MustacheReference.markdown(view)
        if Array(markdown.utf8) != Array(markdownReference.utf8) {
            Issue.record("models.md of \(what):\n\(Golden.unifiedDiff(markdownReference, markdown, name: "models.md"))")
        }
    }

    @Test func fixtures() throws {
        let roots = [Paths.packageRoot, Paths.minimalPlatform, Paths.fixtures.appendingPathComponent("timeslicing-keda")]
        for root in roots {
            Self.expectSame(CatalogView(Catalog(try RenderTestPlatform(root: root).context())), root.lastPathComponent)
        }
        Self.expectSame(CatalogView(Catalog(try LiteLLMPlannerTests.withAdapters())), "minimal with adapters")
        var idle = try RenderTestPlatform()
        idle.addTenant("idle")
        Self.expectSame(CatalogView(Catalog(try idle.context())), "minimal with an idle tenant")
    }

    /// Hostile text where the sources allow free text: the platform's and a model's description,
    /// a tenant's display name (names and owners are DNS labels).
    @Test func hostileSources() throws {
        var rendered = 0
        for (index, text) in Self.hostile.enumerated() {
            let value = Self.yamlQuoted(Self.hostile[(index * 7) % Self.hostile.count] + text)
            var platform = try RenderTestPlatform()
            platform.edit("models/tiny.yaml") { $0.replacing(/description: .*\n/, with: "description: \(value)\n") }
            platform.edit("tenants/team.yaml", "name: team\n", "name: team\ndisplayName: \(value)\n")
            platform.edit("platform/mini.yaml", "name: mini\n", "name: mini\ndescription: \(value)\n")
            let tree = SourceTree(files: platform.files.map { SourceTree.File(path: $0.key, bytes: Array($0.value.utf8)) })
            guard let spec = Loader().load(tree).spec else { continue }  // an empty description is no text
            Self.expectSame(CatalogView(Catalog(RenderContext(spec: spec))), "sources with \(value)")
            rendered += 1
        }
        #expect(rendered > Self.hostile.count / 2)
    }

    /// YAML's double-quoted style, whose escapes are JSON's.
    static func yamlQuoted(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self).dropFirst().dropLast().description
    }

    @Test func generatedViews() {
        var generator = HostileViews(seed: 0x5EED)
        for index in 0..<3_000 { Self.expectSame(generator.view(), "generated view \(index)") }
    }

    /// The views whose page and Markdown `CatalogPageGoldenTests` keeps (the last has the one
    /// deliberate difference, a combining mark after a quote).
    @Test func goldenViews() {
        for (index, view) in CatalogPageGoldenTests.views().dropLast().enumerated() { Self.expectSame(view, "golden view \(index)") }
    }

    /// Every Unicode scalar as a value: Mustache's per-Character table (canonical equivalence
    /// included) and the writer's per-byte escaping agree on each one alone.
    @Test func everyScalar() {
        var text = ""
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            text.unicodeScalars.append(scalar)
            text.unicodeScalars.append("\n")
        }
        var generator = HostileViews(seed: 1)
        let view = generator.view()
        Self.expectSame(
            CatalogView(
                title: text, description: text, counts: view.counts, rows: view.rows, tenants: view.tenants, statuses: [text],
                gpuClasses: view.gpuClasses, capacities: view.capacities, ladder: view.ladder, digest: view.digest,
                fileCount: view.fileCount), "every scalar")
    }

    /// Mustache did not escape a quote that a combining mark follows; the writer does. The one
    /// place the bytes differ, on purpose.
    @Test func combiningMarkAfterAQuote() {
        var generator = HostileViews(seed: 2)
        let view = generator.view()
        let title = "x\"\u{301} onmouseover=alert(1)"
        let hostile = CatalogView(
            title: title, description: nil, counts: "", rows: [], tenants: [], statuses: [], gpuClasses: [],
            capacities: view.capacities, ladder: view.ladder, digest: "", fileCount: "")
        // Outside #expect: its expansion re-lexes the decoded literal, which does not lex.
        let mustacheLeftTheQuote = MustacheReference.html(hostile).contains("<title>x\"\u{301} onmouseover")
        let writerEscapedIt = CatalogPage.html(hostile).contains("<title>x&quot;\u{301} onmouseover")
        #expect(mustacheLeftTheQuote)
        #expect(writerEscapedIt)
    }
}

/// Seeded views with hostile text in every string, optional fields nil or not, lists of zero to
/// three, and `hasNames` independent of `names`.
struct HostileViews {
    var random: SplitMix
    let pool: [String]

    init(seed: UInt64, pool: [String] = CatalogMustacheDifferentialTests.hostile) {
        random = SplitMix(state: seed)
        self.pool = pool
    }

    mutating func text() -> String {
        (0..<Int.random(in: 0...3, using: &random)).map { _ in pool.randomElement(using: &random)! }.joined()
    }

    mutating func maybe() -> String? { Bool.random(using: &random) ? text() : nil }

    mutating func list<T>(_ make: (inout Self) -> T) -> [T] {
        (0..<Int.random(in: 0...3, using: &random)).map { _ in make(&self) }
    }

    mutating func bar() -> CatalogBar {
        CatalogBar(
            segments: list { .init(kind: $0.text(), x: $0.text(), width: $0.text(), label: $0.text()) }, marker: maybe(),
            summary: text())
    }

    mutating func row() -> CatalogView.Row {
        let rpm = maybe()
        return CatalogView.Row(
            name: text(), base: text(), status: text(), owner: text(), gpuClass: text(), tensorParallel: text(), context: text(),
            vram: Bool.random(using: &random) ? bar() : nil, vramText: text(), concurrency: text(), floor: text(), max: text(),
            tenants: list { $0.text() }, tenantList: text(), tenantsText: text(), rpm: rpm,
            tpm: Int.random(in: 0...3, using: &random) == 0 ? nil : text(), priceIn: text(), priceOut: text(),
            description: text(), search: text())
    }

    mutating func card() -> CatalogView.TenantCard {
        CatalogView.TenantCard(
            name: text(), displayName: text(), budget: text(), period: text(), rpm: text(), tpm: text(), priority: text(),
            quotas: list { .init(gpuClass: $0.text(), nominal: $0.text(), borrowing: $0.text()) }, quotaText: text(),
            names: list { $0.text() }, namesText: text(), hasNames: Bool.random(using: &random))
    }

    mutating func view() -> CatalogView {
        CatalogView(
            title: text(), description: maybe(), counts: text(), rows: list { $0.row() }, tenants: list { $0.card() },
            statuses: list { $0.text() }, gpuClasses: list { $0.text() },
            capacities: list {
                .init(
                    name: $0.text(), product: $0.text(), capacity: $0.text(), nominal: $0.text(), floor: $0.text(),
                    peak: $0.text(), bar: $0.bar(), note: $0.maybe(), noteClass: $0.text())
            },
            ladder: list { .init(layer: $0.text(), value: $0.text(), detail: $0.text(), bar: $0.bar()) }, digest: text(),
            fileCount: text())
    }
}

/// A small seeded generator (SplitMix64), so a failure names a view that can be made again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
