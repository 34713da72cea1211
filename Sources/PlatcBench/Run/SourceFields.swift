import Foundation

/// The fields of a generated source file, read line by line: "a.b.c" → scalar, "a.b" → list
/// items. Enough for the block-style YAML platc-bench writes (SourceTexts), not general YAML.
struct SourceFields {
    var scalars: [String: String] = [:]
    var lists: [String: [String]] = [:]

    init(_ text: String) {
        var path: [(indent: Int, key: String)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop { $0 == " " }
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let indent = line.count - trimmed.count
            if trimmed.hasPrefix("- ") {
                // A list item belongs to the innermost key less indented than it (or equal: "key:\n- item").
                while let last = path.last, last.indent > indent { path.removeLast() }
                lists[path.map(\.key).joined(separator: "."), default: []].append(Self.unquoted(trimmed.dropFirst(2)))
                continue
            }
            while let last = path.last, last.indent >= indent { path.removeLast() }
            guard let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = String(trimmed[..<colon])
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.isEmpty {
                path.append((indent, key))
            } else {
                scalars[(path.map(\.key) + [key]).joined(separator: ".")] = Self.unquoted(Substring(value))
            }
        }
    }

    static func read(_ file: URL) throws -> SourceFields { SourceFields(try String(contentsOf: file, encoding: .utf8)) }

    private static func unquoted(_ text: Substring) -> String {
        let value = text.trimmingCharacters(in: .whitespaces)
        return value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") ? String(value.dropFirst().dropLast()) : value
    }

    subscript(_ key: String) -> String { scalars[key] ?? "" }
}
