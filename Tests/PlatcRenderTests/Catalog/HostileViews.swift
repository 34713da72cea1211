@testable import PlatcRender

/// Seeded views with hostile text in every string, optional fields nil or not, lists of zero to
/// three, and `hasNames` independent of `names`.
struct HostileViews {
    /// Text a value could hold: markup of both languages, template syntax, entities, line breaks,
    /// non-ASCII. None starts with a combining mark or ends with a prepending one, so joining two
    /// never glues a mark onto `"` or `<` (where the writer escapes and Mustache did not:
    /// `MarkupTests.htmlEscapesBytesNotCharacters`); the goldens test that case on its own.
    static let hostile = [
        "", " ", "plain", "tiny", "<script>alert(1)</script>", "\"", "'", "&", "&amp;", "&lt;b&gt;", "<", ">", "\"'&<>",
        "{{x}}", "{{{x}}}", "{{/rows}}", "{{> bar}}", "{{.}}", "`code`", "```", "a|b", "|", "\\", "*bold*", "_it_",
        "[link](x)", "~~s~~", "# h", "line\nbreak", "\r\n", "\r", "\n", "a\u{2028}b", "\u{2029}", "日本語", "é", "e\u{301}",
        "👩‍👩‍👧", "\u{1FEF}", "×·—…", "\u{200B}zero", "\t tab", "%s %@", "\\u0041", "</td></tr>", "<!--", "-->", "]]>",
        "javascript:alert(1)", "\u{0}", "onmouseover=alert(1)", "data-x=\"y\"", "O'Neil", "12,345", "$0.10", "0.00",
    ]

    var random: SplitMix
    /// Fields added after the goldens were first recorded (the Argo CD Application) draw from
    /// their own generator, so every older field keeps its text and a re-recorded golden's diff
    /// shows only the new cells.
    var added: SplitMix
    let pool: [String]

    init(seed: UInt64, pool: [String] = HostileViews.hostile) {
        random = SplitMix(state: seed)
        added = SplitMix(state: ~seed)
        self.pool = pool
    }

    mutating func text() -> String { Self.text(pool, &random) }

    /// Text for a field added later, from `added`.
    mutating func addedText() -> String { Self.text(pool, &added) }

    static func text(_ pool: [String], _ random: inout SplitMix) -> String {
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
            name: text(), base: text(), status: text(), owner: text(), gpuClass: text(), gpu: text(), context: text(),
            vram: Bool.random(using: &random) ? bar() : nil, vramText: text(), concurrency: text(), concurrencyText: maybe(),
            replicas: text(), application: addedText(),
            tenants: list { $0.text() }, tenantList: text(), tenantsText: text(), rpm: rpm,
            tpm: Int.random(in: 0...3, using: &random) == 0 ? nil : text(), priceIn: text(), priceOut: text(),
            description: text(), search: text())
    }

    mutating func card() -> CatalogView.TenantCard {
        CatalogView.TenantCard(
            name: text(), displayName: text(), budget: text(), period: text(), rpm: text(), tpm: text(), priority: text(),
            application: addedText(), quotas: list { .init(gpuClass: $0.text(), nominal: $0.text(), borrowing: $0.text()) },
            quotaText: text(),
            names: list { $0.text() }, namesText: text(), hasNames: Bool.random(using: &random))
    }

    mutating func view() -> CatalogView {
        CatalogView(
            title: text(), description: maybe(), gatewayHost: text(), inClusterURL: text(), counts: text(), rows: list { $0.row() },
            tenants: list { $0.card() },
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
