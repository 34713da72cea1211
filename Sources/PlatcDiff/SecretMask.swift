import PlatcChecks
import PlatcSpec

/// Hides every secret value in both sides of a changed file before it is diffed, so no report
/// ever prints one. platc renders no secrets (policy/* refuses them), but a hand edit or a
/// future renderer could, and a PR comment is public to everyone who can read the repo.
///
/// A value is secret when it sits under `data`/`stringData` of a `Secret`, when its key says so
/// (`password`, `api_key`, `clientSecret`: the policy checks' rule) and it is neither a number
/// (`input_cost_per_token: 0.0000001`) nor a reference such as `os.environ/KEY`, or when the policy checks' scanner recognizes it anywhere in a line
/// (a token format, a password in a URL). Each value shows as `***`; one that differs between
/// the sides shows as `*** (before)` and `*** (after)`, so the change stays visible.
enum SecretMask {
    struct Result {
        var old: [UInt8]?
        var new: [UInt8]?
        /// Secret values masked, on both sides together.
        var count: Int
    }

    static func mask(old: OutFile?, new: OutFile?) -> Result {
        // The two sides are scanned at once: in a large file (the catalog page) this is most of a diff.
        let sides = Parallel.all([{ @Sendable in old.map(SecretSpans.find) }, { @Sendable in new.map(SecretSpans.find) }])
        let before = sides[0], after = sides[1]
        let beforeValues = Dictionary((before?.spans ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let afterValues = Dictionary((after?.spans ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        func label(_ span: SecretSpans.Span, other: [String: String], side: String) -> String {
            other[span.key] == span.value ? "***" : "*** (\(side))"
        }
        // A side without secrets keeps its bytes exactly (even bytes that are not UTF-8).
        let maskedOld = before.map { $0.spans.isEmpty ? old!.bytes : $0.replacing { label($0, other: afterValues, side: "before") } }
        let maskedNew = after.map { $0.spans.isEmpty ? new!.bytes : $0.replacing { label($0, other: beforeValues, side: "after") } }
        return Result(old: maskedOld, new: maskedNew, count: (before?.spans.count ?? 0) + (after?.spans.count ?? 0))
    }
}

/// The secret values of one file, as scalar ranges of its text.
struct SecretSpans {
    struct Span {
        /// What identifies the value across the two sides: its key path in the document, or the
        /// masked line it sits on.
        var key: String
        var value: String
        var range: Range<Int>
    }

    var scalars: [Unicode.Scalar]
    var spans: [Span]
    /// Binary files are never shown, so never masked.
    var isBinary: Bool

    static func find(_ file: OutFile) -> SecretSpans {
        if file.bytes.contains(0) { return SecretSpans(scalars: [], spans: [], isBinary: true) }
        let scalars = Array(String(decoding: file.bytes, as: UTF8.self).unicodeScalars)
        var found = SecretSpans(scalars: scalars, spans: [], isBinary: false)
        let lineStarts = [0] + scalars.indices.filter { scalars[$0] == "\n" }.map { $0 + 1 }
        if let root = file.document {
            var walk = StructuralWalk(lineStarts: lineStarts, count: scalars.count, scalars: scalars)
            walk.visit(root, path: "", underSecretData: false, isSecretObject: Self.isSecretObject(root))
            found.spans = walk.spans
        }
        found.addScannerFindings(lineStarts: lineStarts)
        found.spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        return found
    }

    /// A `kind: Secret` at the top of the document.
    private static func isSecretObject(_ root: YAMLNode) -> Bool {
        guard case .mapping(let pairs) = root.content else { return false }
        return pairs.contains { pair in
            if case .scalar("kind", _) = pair.key.content, case .scalar("Secret", _) = pair.value.content { return true }
            return false
        }
    }

    /// Secrets the scanner finds in any line, outside the values already found by key.
    private mutating func addScannerFindings(lineStarts: [Int]) {
        for (number, start) in lineStarts.enumerated() {
            let end = number + 1 < lineStarts.count ? lineStarts[number + 1] - 1 : scalars.count
            guard start < end else { continue }
            let ranges = SecretDetection.secretRanges(inScalars: Array(scalars[start..<end])).map {
                ($0.lowerBound + start)..<($0.upperBound + start)
            }
            let fresh = ranges.filter { range in
                !spans.contains { $0.range.overlaps(range) } && Double(String(String.UnicodeScalarView(scalars[range]))) == nil
            }
            guard !fresh.isEmpty else { continue }
            // The line with its secrets blanked identifies them: the same line on the other side.
            var blanked = Array(scalars[start..<end])
            for range in fresh.reversed() {
                blanked.replaceSubrange((range.lowerBound - start)..<(range.upperBound - start), with: "***".unicodeScalars)
            }
            let lineKey = "line:" + String(String.UnicodeScalarView(blanked))
            for (index, range) in fresh.enumerated() {
                spans.append(Span(key: lineKey + "#\(index)", value: String(String.UnicodeScalarView(scalars[range])), range: range))
            }
        }
    }

    /// The text with each span replaced by `label(span)`, as UTF-8.
    func replacing(_ label: (Span) -> String) -> [UInt8] {
        var out = scalars
        for span in spans.reversed() {
            var text = label(span)
            // A block scalar's span ends after its last line break: keep the break.
            if span.range.upperBound > span.range.lowerBound, scalars[span.range.upperBound - 1] == "\n" { text += "\n" }
            out.replaceSubrange(span.range, with: text.unicodeScalars)
        }
        return Array(String(String.UnicodeScalarView(out)).utf8)
    }
}

/// Walks a composed document and records the scalar values that are secret by their key.
private struct StructuralWalk {
    let lineStarts: [Int]
    let count: Int
    let scalars: [Unicode.Scalar]
    var spans: [SecretSpans.Span] = []
    private var visited = 0

    init(lineStarts: [Int], count: Int, scalars: [Unicode.Scalar]) {
        self.lineStarts = lineStarts
        self.count = count
        self.scalars = scalars
    }

    mutating func visit(_ node: YAMLNode, path: String, underSecretData: Bool, isSecretObject: Bool) {
        visited += 1
        guard visited < 100_000 else { return }  // aliases are bounded by the composer; this bounds the walk too
        switch node.content {
        case .scalar(let text, _):
            if underSecretData { record(node, value: text, key: path) }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                visit(item, path: path + "[\(index)]", underSecretData: underSecretData, isSecretObject: false)
            }
        case .mapping(let pairs):
            for pair in pairs {
                guard case .scalar(let key, _) = pair.key.content else { continue }
                let child = path.isEmpty ? key : path + "." + key
                let secretData = underSecretData || (isSecretObject && (key == "data" || key == "stringData"))
                if case .scalar(let value, _) = pair.value.content, !secretData,
                    SecretDetection.isSecretKey(key), !SecretDetection.isReferenceOrPlaceholder(value), Double(value) == nil
                {
                    record(pair.value, value: value, key: child)
                    continue
                }
                visit(pair.value, path: child, underSecretData: secretData, isSecretObject: false)
            }
        }
    }

    private mutating func record(_ node: YAMLNode, value: String, key: String) {
        let start = offset(line: node.span.start.line, column: node.span.start.column)
        let end = offset(line: node.span.endLine, column: node.span.endColumn)
        guard start < end, !spans.contains(where: { $0.range.overlaps(start..<end) }) else { return }
        spans.append(SecretSpans.Span(key: "key:" + key, value: value, range: start..<end))
    }

    /// A 1-based line and column (Unicode scalars, as libyaml counts) as an offset in the text.
    private func offset(line: Int, column: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return count }
        let lineEnd = line < lineStarts.count ? lineStarts[line] : count
        return min(lineStarts[line - 1] + max(column - 1, 0), lineEnd)
    }
}
