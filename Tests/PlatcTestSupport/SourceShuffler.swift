import Foundation
import PlatcSpec

/// Rewrites YAML source text without changing what it says, for property tests: the keys of
/// every mapping in another order, comments between lines.
public enum SourceShuffler {
    /// The same platform spelled another way: files in another order, and in every YAML file the
    /// keys shuffled at every depth, maybe comments, CRLF line ends and a BOM; with
    /// `shufflingSetLists`, the items of set-like lists too (the loaded values then differ in
    /// order, so only order-independent consumers such as the renderer can compare equal).
    public static func respell(_ tree: SourceTree, shufflingSetLists: Bool = false, using random: inout SeededRandom) -> SourceTree {
        var files = tree.files.shuffled(using: &random)
        for index in files.indices where SourceTree.isDocument(files[index].path) {
            var text = shuffleKeys(String(decoding: files[index].bytes, as: UTF8.self), using: &random)
            if shufflingSetLists { text = shuffleSetLists(text, using: &random) }
            if Bool.random(using: &random) { text = sprinkleComments(text, using: &random) }
            if Bool.random(using: &random) { text = text.replacing("\n", with: "\r\n") }
            var bytes = Array(text.utf8)
            if Bool.random(using: &random) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
            files[index].bytes = bytes
        }
        return SourceTree(files: files)
    }

    /// One benign respelling at a time, so a failure names the one that changed something.
    public enum Respelling: String, CaseIterable, Sendable {
        case fileOrder, keyOrder, fullLineComments, trailingComments, crlf, bom, setOrder
        /// Every field written out, defaults too, as JSON (`ExplicitSpelling`).
        case explicitDefaults
    }

    /// `tree` respelled one way only.
    public static func respell(_ tree: SourceTree, _ respelling: Respelling, using random: inout SeededRandom) -> SourceTree {
        if respelling == .fileOrder { return SourceTree(files: tree.files.reversed()) }
        if respelling == .explicitDefaults { return SourceTree(files: tree.files.map { ExplicitSpelling.rewrite($0) ?? $0 }) }
        var files = tree.files
        for index in files.indices where SourceTree.isDocument(files[index].path) {
            let text = String(decoding: files[index].bytes, as: UTF8.self)
            switch respelling {
            case .keyOrder: files[index].bytes = Array(shuffleKeys(text, using: &random).utf8)
            case .fullLineComments: files[index].bytes = Array(sprinkleComments(text, using: &random).utf8)
            case .trailingComments: files[index].bytes = Array(trailingComments(text).utf8)
            case .crlf: files[index].bytes = Array(text.replacing("\n", with: "\r\n").utf8)
            case .bom: files[index].bytes = [0xEF, 0xBB, 0xBF] + files[index].bytes
            case .setOrder: files[index].bytes = Array(shuffleSetLists(text, using: &random).utf8)
            case .fileOrder, .explicitDefaults: break
            }
        }
        return SourceTree(files: files)
    }

    /// A comment at the end of every line that ends on that line (`key: value`, `- item`, `key:`
    /// opening a block), never in a block scalar, a flow collection or a quoted string that goes on.
    public static func trailingComments(_ text: String) -> String {
        var out: [String] = []
        var scalarIndent: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix(while: { $0 == " " }).count
            if let header = scalarIndent, indent <= header, !line.allSatisfy({ $0 == " " }) { scalarIndent = nil }
            let body = line.drop(while: { $0 == " " })
            let balanced = body.count(where: { $0 == "[" || $0 == "{" }) == body.count(where: { $0 == "]" || $0 == "}" })
            if scalarIndent == nil, !opensBlockScalar(line), !body.isEmpty, !body.hasPrefix("#"), balanced, !isOpenQuote(body) {
                out.append(line + "  # note: kind: Model, name: x")
            } else {
                out.append(String(line))
            }
            if scalarIndent == nil, opensBlockScalar(line) { scalarIndent = indent }
        }
        return out.joined(separator: "\n")
    }

    /// A line whose quoted value goes on to the next line.
    static func isOpenQuote(_ body: Substring) -> Bool {
        let value = body.split(separator: ": ", maxSplits: 1).last ?? body
        guard let quote = value.first, quote == "'" || quote == "\"" else { return false }
        return value.count == 1 || value.last != quote
    }

    /// Shuffles the keys of every block mapping, at every depth: a key line moves with its
    /// deeper lines. List items keep their order (it means something); comments are dropped.
    public static func shuffleKeys(_ text: String, using random: inout SeededRandom) -> String {
        let lines = text.split(separator: "\n").filter { !$0.drop { $0 == " " }.hasPrefix("#") }
        return shuffleBlock(lines, indent: 0, using: &random).joined(separator: "\n") + "\n"
    }

    /// `lines` are siblings starting at `indent`, each followed by its deeper lines.
    public static func shuffleBlock(_ lines: [Substring], indent: Int, using random: inout SeededRandom) -> [Substring] {
        var blocks: [(header: Substring, children: [Substring])] = []
        for line in lines {
            if line.prefix(while: { $0 == " " }).count == indent || blocks.isEmpty {
                blocks.append((line, []))
            } else {
                blocks[blocks.count - 1].children.append(line)
            }
        }
        var shuffled = blocks.map { block -> [Substring] in
            guard let first = block.children.first else { return [block.header] }
            // A block scalar's lines are text, not keys.
            if opensBlockScalar(block.header) { return [block.header] + block.children }
            return [block.header] + shuffleBlock(block.children, indent: first.prefix(while: { $0 == " " }).count, using: &random)
        }
        if blocks.allSatisfy({ !$0.header.dropFirst(indent).hasPrefix("- ") }) { shuffled.shuffle(using: &random) }
        return shuffled.flatMap { $0 }
    }

    /// Inserts full-line comments between lines, never inside a block scalar (where a `#` line
    /// would be text).
    public static func sprinkleComments(_ text: String, using random: inout SeededRandom) -> String {
        var out: [String] = []
        var scalarIndent: Int?  // the indent of the key whose block scalar we are in
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix(while: { $0 == " " }).count
            if let header = scalarIndent, indent <= header, !line.allSatisfy({ $0 == " " }) { scalarIndent = nil }
            if scalarIndent == nil, Int.random(in: 0..<4, using: &random) == 0 { out.append("# note: kind: Tenant, name: x") }
            out.append(String(line))
            if scalarIndent == nil, opensBlockScalar(line) { scalarIndent = indent }
        }
        return out.joined(separator: "\n")
    }

    /// `key: |`, `key: >-` and the like: the deeper lines that follow are the value's text.
    static func opensBlockScalar(_ line: Substring) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return value.first == "|" || value.first == ">"
    }

    /// Lists the language treats as sets (unique names: SSO groups, models, tenants, aliases,
    /// registries): their order means nothing, so a renderer must not depend on it.
    public static let setKeys: Set<String> = ["ssoGroups", "models", "tenants", "aliases", "allowedRegistries"]

    /// Shuffles the items of every set-like list, flow (`key: [a, b]`) or block (`- a` lines).
    public static func shuffleSetLists(_ text: String, using random: inout SeededRandom) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            guard let colon = body.firstIndex(of: ":"), setKeys.contains(String(body[..<colon])) else {
                index += 1
                continue
            }
            let rest = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if rest.hasPrefix("["), rest.hasSuffix("]") {
                let items = rest.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                lines[index] =
                    String(line.prefix(indent)) + body[...colon] + " [" + items.shuffled(using: &random).joined(separator: ", ") + "]"
                index += 1
                continue
            }
            var end = index + 1
            while end < lines.count, lines[end].prefix(while: { $0 == " " }).count >= indent,
                lines[end].drop(while: { $0 == " " }).hasPrefix("- ")
            {
                end += 1
            }
            lines[(index + 1)..<end].shuffle(using: &random)
            index = end
        }
        return lines.joined(separator: "\n")
    }
}
