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

    /// A top-level key only (the composite config's own: `vision_config`, `mm_tokens_per_image`).
    func topLevel(_ key: String) -> JSONValue? {
        if let value = config[key], value != .null { return value }
        return nil
    }

    /// Records a value derived from the class's defaults (a layer pattern built from its default step).
    func note(_ key: String, _ value: JSONValue) {
        guard let configClass, !defaulted.contains(where: { $0.key == key }) else { return }
        defaulted.append(.init(key: key, value: value, configClass: configClass.name))
    }

    func optionalInt(_ key: String) -> Int? { value(key)?.integerValue.flatMap { Int(exactly: $0) } }
    func double(_ key: String) -> Double? { value(key)?.doubleValue }
    func string(_ key: String) -> String? { value(key)?.stringValue }
    func ints(_ key: String) -> [Int] { value(key)?.arrayValue?.compactMap { $0.integerValue.flatMap { Int(exactly: $0) } } ?? [] }

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
        require(key)
        return 0
    }

    func require(_ key: String) {
        if !missing.contains(key) { missing.append(key) }
    }
}
