import PlatcSpec
import Testing

@testable import PlatcFacts
@testable import PlatcRender

/// What the writer emits reads back, through the loader's own libyaml composer, as the tree it
/// was given: strings as strings (a plain scalar only where `PlainScalar` allows it), ints,
/// bools and decimals as plain scalars spelled as given, lists and maps item by item.
@Suite struct YAMLWriterRoundTripTests {
    static let seeds: [UInt64] = Array(101...104)
    static let treesPerSeed = 1_500

    @Test(arguments: seeds)
    func emittedDocumentsReadBackAsTheirTree(seed: UInt64) throws {
        var generator = YAMLValueGenerator(seed: seed)
        generator.oddDecimals = false
        for index in 0..<Self.treesPerSeed {
            let value = generator.value()
            guard let problem = Self.problem(value) else { continue }
            let minimal = YAMLValueShrinker.shrink(value) { Self.problem($0) != nil }
            Issue.record(
                """
                seed \(seed), tree \(index): \(Self.problem(minimal) ?? problem)
                tree: \(String(reflecting: minimal))
                YAML: \(String(reflecting: String(decoding: YAMLWriter.document(minimal), as: UTF8.self)))
                """)
            return
        }
    }

    /// Why the value does not survive the round trip, or nil when it does.
    static func problem(_ value: YAMLValue) -> String? {
        let composed = YAMLComposer(file: "roundtrip.yaml").compose(YAMLWriter.document(value))
        if !composed.problems.isEmpty { return "does not compose: \(composed.problems)" }
        guard let root = composed.root else { return "composes to nothing" }
        return mismatch(root, value, path: "$")
    }

    static func mismatch(_ node: YAMLNode, _ value: YAMLValue, path: String) -> String? {
        if let tag = node.tag { return "\(path): tagged \(tag)" }
        switch (node.content, value) {
        case (.scalar(let text, let style), .string(let expected)):
            if text != expected { return "\(path): read \(String(reflecting: text)), wrote \(String(reflecting: expected))" }
            if style == .plain && !PlainScalar.resolvesToString(text) { return "\(path): plain \(text) is not a string" }
            return nil
        case (.scalar(let text, .plain), .int(let number)): return text == String(number) ? nil : "\(path): int read as \(text)"
        case (.scalar(let text, .plain), .bool(let flag)): return text == String(flag) ? nil : "\(path): bool read as \(text)"
        case (.scalar(let text, .plain), .decimal(let expected)): return text == expected ? nil : "\(path): decimal read as \(text)"
        case (.sequence(let nodes), .list(let items)):
            guard nodes.count == items.count else { return "\(path): \(nodes.count) items, wrote \(items.count)" }
            for (index, (node, item)) in zip(nodes, items).enumerated() {
                if let problem = mismatch(node, item, path: "\(path)[\(index)]") { return problem }
            }
            return nil
        case (.mapping(let pairs), .map(let map)):
            guard pairs.count == map.entries.count else { return "\(path): \(pairs.count) entries, wrote \(map.entries.count)" }
            for (pair, entry) in zip(pairs, map.entries) {
                let keyPath = "\(path).\(String(reflecting: entry.key))"
                if let problem = mismatch(pair.key, .string(entry.key), path: keyPath + " (key)") { return problem }
                if let problem = mismatch(pair.value, entry.value, path: keyPath) { return problem }
            }
            return nil
        default:
            return "\(path): read \(node.kindDescription), wrote \(String(reflecting: value))"
        }
    }
}
