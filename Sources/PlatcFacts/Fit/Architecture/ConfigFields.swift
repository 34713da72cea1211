import PlatcSpec

/// Typed reads of config.json keys, in the order transformers resolves them: the language
/// model's own (`text_config`), then the top level, then the default of the config class its
/// `model_type` names (`ConfigDefaults`). Remembers which required keys were missing and which
/// values came from a class default, so `platc fit` can say so.
final class ConfigFields {
    private let config: JSONValue
    private let text: JSONValue?
    /// The language model's config class, when platc knows its defaults.
    let configClass: ConfigDefaults.ConfigClass?
    private(set) var missing: [String] = []
    /// Keys whose numbers no real checkpoint has (a typo, a corrupted file): refused before they
    /// size an array or overflow a count.
    private(set) var implausible: [String] = []
    private(set) var defaulted: [ModelArchitecture.DefaultedValue] = []

    init(_ config: JSONValue) {
        self.config = config
        text = config["text_config"]
        configClass = ConfigDefaults.textClass(of: config)
    }

    /// The written value, else the class default (recorded as defaulted).
    func value(_ key: String) -> JSONValue? {
        if let value = written(key) { return value }
        guard let value = configClass?.defaults[key], value != .null else { return nil }
        note(key, value)
        return value
    }

    /// The value the file itself writes, ignoring class defaults.
    func written(_ key: String) -> JSONValue? {
        if let value = text?[key], value != .null { return value }
        if let value = config[key], value != .null { return value }
        return nil
    }

    /// Records a value derived from the class's defaults (a layer pattern built from its default step).
    func note(_ key: String, _ value: JSONValue) {
        guard let configClass, !defaulted.contains(where: { $0.key == key }) else { return }
        defaulted.append(.init(key: key, value: value, configClass: configClass.name))
    }

    func optionalInt(_ key: String) -> Int? {
        guard let number = value(key)?.integerValue.flatMap({ Int(exactly: $0) }) else { return nil }
        guard number >= 0, number <= Self.limit(key) else {
            refuse(key)
            return nil
        }
        return number
    }

    /// The largest count a key may hold (none may be negative): contexts reach 2^31 tokens, vocabularies 2^24 entries,
    /// every width, head and layer count 2^20 (published checkpoints stay far below each).
    static func limit(_ key: String) -> Int {
        switch key {
        case "max_position_embeddings", "n_positions", "max_seq_len", "seq_length", "max_sequence_length", "model_max_length",
            "sliding_window", "attention_chunk_size", "original_max_position_embeddings":
            1 << 31
        case "vocab_size": 1 << 24
        default: 1 << 20
        }
    }

    func refuse(_ key: String) {
        if !implausible.contains(key) { implausible.append(key) }
    }
    func double(_ key: String) -> Double? { value(key)?.doubleValue }
    func string(_ key: String) -> String? { value(key)?.stringValue }
    func ints(_ key: String) -> [Int] {
        value(key)?.arrayValue?.compactMap { $0.integerValue.flatMap { Int(exactly: $0) } }.filter { $0 >= 0 && $0 <= Self.limit(key) }
            ?? []
    }

    /// The language model's own flag: a composite config's top level does not decide it.
    func languageBool(_ key: String) -> Bool? {
        let own = ConfigDefaults.isComposite(config) ? text?[key] : config[key]
        if case .bool(let flag)? = own { return flag }
        guard case .bool(let flag)? = configClass?.defaults[key] else { return nil }
        note(key, .bool(flag))
        return flag
    }

    func bool(_ key: String) -> Bool? {
        if case .bool(let flag) = value(key) { return flag }
        return nil
    }

    /// A required positive count; 0 (and a note of the key) when it is absent or not a number.
    func int(_ key: String) -> Int {
        if let number = optionalInt(key), number > 0 { return number }
        if !implausible.contains(key) { require(key) }
        return 0
    }

    func require(_ key: String) {
        if !missing.contains(key) { missing.append(key) }
    }
}
