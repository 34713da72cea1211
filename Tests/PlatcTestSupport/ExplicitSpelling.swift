@testable import PlatcSpec

/// A document rewritten as the loader understood it: every field it has, written or defaulted,
/// as JSON (which YAML reads), strings quoted, units in their shortest spelling. Loading the
/// rewrite must mean the same: the respelling that makes every default explicit.
public enum ExplicitSpelling {
    /// The file rewritten, or nil when it does not load on its own (a config.json, a bad file).
    public static func rewrite(_ file: SourceTree.File) -> SourceTree.File? {
        var reader = DocumentReader(limits: SourceLimits())
        guard SourceTree.isDocument(file.path), let value = reader.read(file)?.value?.value else { return nil }
        return SourceTree.File(path: file.path, bytes: Array((text(value) + "\n").utf8))
    }

    static func text(_ value: Value) -> String {
        switch value {
        case .string(let string): JSONValue.string(string).serialized(pretty: false)
        case .integer(let number): String(number)
        case .decimal(let number): "\(number)"
        case .boolean(let flag): flag ? "true" : "false"
        // Plain scalars: the loader refuses quoted numbers, and these are typed by their field.
        case .duration(let duration): duration.description
        case .quantity(let quantity): quantity.text
        case .usd(let usd): usd.description
        case .fraction(let fraction): fraction.description
        case .list(let items): "[" + items.map { text($0.value) }.joined(separator: ", ") + "]"
        case .object(let object):
            "{" + object.fields.sorted { $0.key < $1.key }.map { "\(key($0.key)): \(text($0.value.value))" }.joined(separator: ", ") + "}"
        case .map(let entries): "{" + entries.map { "\(key($0.key.value)): \(text($0.value.value))" }.joined(separator: ", ") + "}"
        }
    }

    private static func key(_ name: String) -> String { JSONValue.string(name).serialized(pretty: false) }
}
