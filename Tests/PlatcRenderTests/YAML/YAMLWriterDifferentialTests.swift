import Testing

@testable import PlatcRender

/// `YAMLWriter` against libyaml's emitter, the reference it mirrors: the same bytes for every
/// generated tree. A failure names the seed and tree index, and shrinks the tree first.
@Suite struct YAMLWriterDifferentialTests {
    static let seeds: [UInt64] = Array(1...8)
    static let treesPerSeed = 1_500

    @Test(arguments: seeds)
    func writesTheBytesLibYAMLWrites(seed: UInt64) throws {
        var generator = YAMLValueGenerator(seed: seed)
        for index in 0..<Self.treesPerSeed {
            let value = generator.value()
            guard try Self.differs(value) else { continue }
            let minimal = YAMLValueShrinker.shrink(value) { (try? Self.differs($0)) ?? true }
            Issue.record(
                """
                seed \(seed), tree \(index): YAMLWriter and libyaml disagree on
                \(String(reflecting: minimal))
                libyaml:    \(String(reflecting: Self.text(try YAMLEmitter.emitWithLibYAML(minimal))))
                YAMLWriter: \(String(reflecting: Self.text(YAMLWriter.document(minimal))))
                """)
            return
        }
    }

    /// Every single text and piece of the generator's alphabet, as a value, a key, a long key and a
    /// list item, at the root and nested: the cases one at a time before they mix.
    @Test func eachNastyTextAloneMatches() throws {
        for text in YAMLValueGenerator.texts + YAMLValueGenerator.pieces {
            let long = String(repeating: "k", count: 126) + text
            let values: [YAMLValue] = [
                .string(text), .decimal(text), .list([.string(text)]), .map(YAMLMap([.init(key: "k", value: .string(text))])),
                .map(YAMLMap([.init(key: text, value: .string(text))])), .map(YAMLMap([.init(key: long, value: .list([.string(text)]))])),
                .list([.map(YAMLMap([.init(key: text, value: .map(YAMLMap([.init(key: "k", value: .string(text))])))]))]),
                .map(YAMLMap([.init(key: text, value: .list([.list([.string(text)]), .map(YAMLMap()), .list([])]))])),
            ]
            for value in values {
                #expect(try !Self.differs(value), "\(String(reflecting: value))")
            }
        }
    }

    static func differs(_ value: YAMLValue) throws -> Bool {
        try YAMLEmitter.emitWithLibYAML(value) != YAMLWriter.document(value)
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
