import Foundation
import PlatcSpec

/// A platform held as text, path → contents, edited in memory by the hint property test.
typealias PlatformFiles = [String: String]

/// What a diagnostic proposes, in a form the test can apply: its `replacement` at the caret, or
/// the first `key: value` its hint proposes, written at the caret.
enum HintFix {
    /// The first `key: value` (or `a.b: value`) a hint proposes; a flow value (`{cpu: 2}`,
    /// `[a, b]`) is taken whole, a plain one up to a space, comma, semicolon or parenthesis.
    struct Proposal: Equatable {
        var path: [String]
        var value: String
    }

    /// A hint that deliberately proposes no value: it removes, deletes or renames something, or
    /// says no single value fixes the finding.
    static func isExplicitlyValueless(_ hint: String) -> Bool {
        ["remove ", "delete ", "rename "].contains(where: hint.hasPrefix) || hint.contains("no single value fixes this")
    }

    private static let pair =
        #"([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*): (\{[^}]*\}|\[[^\]]*\]|[^\s,;)`'{\[]+)"#
    private static let first = try! NSRegularExpression(pattern: #"(?<![A-Za-z0-9_.'/(-])"# + pair)
    private static let next = try! NSRegularExpression(pattern: "^, " + pair)

    /// The first proposal of a hint: its first `key: value` and the `, key: value` that follow it.
    static func proposals(in hint: String) -> [Proposal] {
        guard !isExplicitlyValueless(hint) else { return [] }
        let text = hint as NSString
        var found: [Proposal] = []
        var match = first.firstMatch(in: hint, range: NSRange(location: 0, length: text.length))
        while let m = match {
            found.append(
                Proposal(
                    path: text.substring(with: m.range(at: 1)).split(separator: ".").map(String.init),
                    value: text.substring(with: m.range(at: 2))))
            let rest = NSRange(location: m.range.upperBound, length: text.length - m.range.upperBound)
            match = next.firstMatch(in: hint, range: rest)
        }
        return found
    }

    /// `files` with `diagnostic`'s fix applied, or nil when it cannot be placed at the caret.
    static func apply(_ diagnostic: Diagnostic, to files: PlatformFiles) -> PlatformFiles? {
        guard let span = diagnostic.span, var text = files[span.file] else { return nil }
        if let replacement = diagnostic.replacement {
            guard let edited = replace(span, with: replacement, in: text) else { return nil }
            text = edited
        } else {
            let proposals = diagnostic.hint.map(proposals(in:)) ?? []
            guard !proposals.isEmpty else { return nil }
            for proposal in proposals {
                guard let edited = write(proposal, at: span, in: text) else { return nil }
                text = edited
            }
        }
        var changed = files
        changed[span.file] = text
        return changed
    }

    // MARK: - Placing a proposal

    /// On the proposal's key: its value replaced. On a parent key with "(absent…)": the key added
    /// under it. Elsewhere, the path is resolved from the nearest mapping around the caret that
    /// holds its first key; when none does, it is added beside the caret's key.
    static func write(_ proposal: Proposal, at span: SourceSpan, in text: String) -> String? {
        guard let root = YAMLComposer(file: span.file).compose(Array(text.utf8)).root else { return nil }
        let caret = (span.start.line, span.start.column)
        let all = pairs(in: root)
        if span.isAbsent {
            if let owner = all.last(where: { ($0.pair.key.span.start.line, $0.pair.key.span.start.column) == caret }),
                owner.pair.key.scalarText != "kind"
            {
                var path = proposal.path
                if path.first == owner.pair.key.scalarText, path.count > 1 { path.removeFirst() }
                return set(path, proposal.value, in: owner.pair.value, text: text)
            }
            return set(proposal.path, proposal.value, in: root, text: text)
        }
        // The caret on a key (a missing field points at its mapping's first key): set it in that mapping.
        if let onKey = all.last(where: { ($0.pair.key.span.start.line, $0.pair.key.span.start.column) == caret }),
            onKey.pair.key.scalarText != proposal.path.first
        {
            return set(proposal.path, proposal.value, in: onKey.mapping, text: text)
        }
        guard
            let index = all.lastIndex(where: { entry in
                let value = entry.pair.value
                if (value.span.start.line, value.span.start.column) == caret { return true }
                if case .sequence(let items) = value.content {
                    return items.contains { ($0.span.start.line, $0.span.start.column) == caret }
                }
                return false
            })
        else { return nil }
        let entry = all[index]
        if entry.pair.key.scalarText == proposal.path.last,
            proposal.path.count == 1 || ancestors(of: index, in: all).first?.pair.key.scalarText == proposal.path.dropLast().last
        {
            return replace(entry.pair.value.span, with: proposal.value, in: text)
        }
        // The mappings around the caret, innermost first: the caret's own, then its ancestors'.
        let around = [entry.mapping] + ancestors(of: index, in: all).map(\.pair.value) + [root]
        if let holder = around.first(where: { $0.mappingKeys.contains(proposal.path[0]) }) {
            return set(proposal.path, proposal.value, in: holder, text: text)
        }
        return set(proposal.path, proposal.value, in: entry.mapping, text: text)
    }

    /// The pairs whose values hold the pair at `index`, innermost first.
    private static func ancestors(
        of index: Int, in all: [(pair: YAMLNode.Pair, mapping: YAMLNode)]
    ) -> [(pair: YAMLNode.Pair, mapping: YAMLNode)] {
        let target = all[index].pair.key.span.start
        return all.filter { entry in
            let value = entry.pair.value.span
            return entry.pair.key.span.start != target && value.start <= target
                && (value.endLine, value.endColumn) > (target.line, target.column)
        }.reversed()
    }

    /// Sets `path` in `mapping`: replaces the value where the keys exist, adds what is missing.
    private static func set(_ path: [String], _ value: String, in mapping: YAMLNode, text: String) -> String? {
        guard case .mapping(let pairs) = mapping.content, let first = path.first else { return nil }
        guard let pair = pairs.first(where: { $0.key.scalarText == first }) else { return add(path, value, into: mapping, text: text) }
        if path.count == 1 { return replace(pair.value.span, with: value, in: text) }
        return set(Array(path.dropFirst()), value, in: pair.value, text: text)
    }

    /// Adds `path: value` as a new key of `mapping` (block or flow).
    private static func add(_ path: [String], _ value: String, into mapping: YAMLNode, text: String) -> String? {
        guard case .mapping(let pairs) = mapping.content else { return nil }
        var nested = value
        for key in path.dropFirst().reversed() { nested = "{\(key): \(nested)}" }
        let entry = "\(path[0]): \(nested)"
        var lines = text.components(separatedBy: "\n")
        guard let first = pairs.first else { return nil }
        let line = first.key.span.start.line - 1
        let column = first.key.span.start.column - 1
        let scalars = Array(lines[line].unicodeScalars)
        let isFlow = column > 0 && scalars[..<column].last(where: { $0 != " " }) == "{"
        if isFlow {
            lines[line] = prefix(scalars, column) + entry + ", " + suffix(scalars, column)
        } else {
            lines.insert(String(repeating: " ", count: column) + entry, at: line)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Text

    /// Replaces the text of a one-line span (columns count Unicode scalars).
    static func replace(_ span: SourceSpan, with replacement: String, in text: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        let line = span.start.line - 1
        guard lines.indices.contains(line) else { return nil }
        let scalars = Array(lines[line].unicodeScalars)
        let start = span.start.column - 1
        let end = span.endLine == span.start.line ? span.endColumn - 1 : scalars.count
        guard start >= 0, start <= end, end <= scalars.count else { return nil }
        if span.endLine > span.start.line {
            // A value over several lines (a block mapping): replace all of it.
            let last = min(span.endLine - 1, lines.count - 1)
            let tail = Array(lines[last].unicodeScalars)
            let cut = min(max(span.endColumn - 1, 0), tail.count)
            let rest = span.endColumn - 1 <= 0 ? "" : suffix(tail, cut)
            lines.replaceSubrange(line...last, with: [prefix(scalars, start) + replacement + rest])
            return lines.joined(separator: "\n")
        }
        let spaced = start == end && start > 0 && scalars[start - 1] == ":" ? " " + replacement : replacement
        lines[line] = prefix(scalars, start) + spaced + suffix(scalars, end)
        return lines.joined(separator: "\n")
    }

    private static func prefix(_ scalars: [Unicode.Scalar], _ end: Int) -> String {
        String(String.UnicodeScalarView(scalars[..<end]))
    }

    private static func suffix(_ scalars: [Unicode.Scalar], _ start: Int) -> String {
        String(String.UnicodeScalarView(scalars[start...]))
    }

    /// Every key–value pair of the tree, parents before children, with the mapping holding it.
    static func pairs(in node: YAMLNode) -> [(pair: YAMLNode.Pair, mapping: YAMLNode)] {
        switch node.content {
        case .scalar: return []
        case .sequence(let items): return items.flatMap(pairs(in:))
        case .mapping(let entries): return entries.flatMap { [(pair: $0, mapping: node)] + pairs(in: $0.value) }
        }
    }
}

extension YAMLNode {
    var scalarText: String? { if case .scalar(let text, _) = content { text } else { nil } }
    var mappingKeys: [String] { if case .mapping(let pairs) = content { pairs.compactMap(\.key.scalarText) } else { [] } }
}
