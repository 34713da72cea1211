/// A rewrite of one string, written once and run two ways: in Swift (`apply`) by `platc check`,
/// and printed as CEL (`cel`) into the Kyverno policy, so the two cannot read a text differently.
/// It has only operations both sides do the same way: cel-go's ext strings as Kubernetes enables
/// them from 1.29 (`split`, `substring`, `indexOf`, `lastIndexOf`, `lowerAscii`), `contains`,
/// `startsWith`, `==` and `? :`. Swift works on UTF-8 bytes: a valid UTF-8 needle matches a valid
/// UTF-8 text only at a code-point boundary, so every cut falls where CEL's (which counts code
/// points) does, and the texts compare the same; what would be a CEL error (a substring out of
/// range) is nil here.
public indirect enum TextRewrite: Sendable {
    /// The text being rewritten.
    case input
    case literal(String)
    case concat(TextRewrite, TextRewrite)
    /// `x.split(sep)[0]`: the text before the first `sep`, all of it when there is none.
    case beforeFirst(String, in: TextRewrite)
    /// `x.substring(0, x.lastIndexOf(sep))`: an error when there is no `sep`.
    case beforeLast(String, in: TextRewrite)
    /// `x.substring(x.indexOf(sep) + 1)`: the text after the first `sep`, all of it when there is none.
    case afterFirst(String, in: TextRewrite)
    case choose(TextTest, then: TextRewrite, else: TextRewrite)

    /// The rewritten text, or nil where CEL would fail.
    public func apply(to input: String) -> String? {
        evaluate(Array(input.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The CEL expression that rewrites the value of the CEL expression `input` (a name or a
    /// selection such as `r.path`).
    public func cel(_ input: String) -> String {
        switch self {
        case .input: input
        case .literal(let text): CELText.string(text)
        case .concat(let left, let right): left.cel(input) + " + " + right.cel(input)
        case .beforeFirst(let separator, let text): "\(text.receiver(input)).split(\(CELText.string(separator)))[0]"
        case .beforeLast(let separator, let text):
            "\(text.receiver(input)).substring(0, \(text.receiver(input)).lastIndexOf(\(CELText.string(separator))))"
        case .afterFirst(let separator, let text):
            "\(text.receiver(input)).substring(\(text.receiver(input)).indexOf(\(CELText.string(separator))) + 1)"
        case .choose(let test, let then, let otherwise): "(\(test.cel(input)) ? \(then.cel(input)) : \(otherwise.cel(input)))"
        }
    }

    typealias Bytes = [UInt8]

    func evaluate(_ input: Bytes) -> Bytes? {
        switch self {
        case .input: return input
        case .literal(let text): return Array(text.utf8)
        case .concat(let left, let right):
            guard let left = left.evaluate(input), let right = right.evaluate(input) else { return nil }
            return left + right
        case .beforeFirst(let separator, let text):
            guard let text = text.evaluate(input) else { return nil }
            return Self.firstIndex(of: Array(separator.utf8), in: text).map { Array(text[..<$0]) } ?? text
        case .beforeLast(let separator, let text):
            guard let text = text.evaluate(input), let index = Self.lastIndex(of: Array(separator.utf8), in: text) else { return nil }
            return Array(text[..<index])
        case .afterFirst(let separator, let text):
            // cel-go's indexOf fails on an empty string (older releases; newer give -1): the stricter reading.
            guard let text = text.evaluate(input), !text.isEmpty else { return nil }
            // `+ 1` is one code point: as many bytes as the one that starts there.
            guard let index = Self.firstIndex(of: Array(separator.utf8), in: text) else { return text }
            let next = index + Self.codePointLength(text[index])
            return next <= text.count ? Array(text[next...]) : nil
        case .choose(let test, let then, let otherwise):
            guard let holds = test.evaluate(input) else { return nil }
            return holds ? then.evaluate(input) : otherwise.evaluate(input)
        }
    }

    /// A receiver of a method call: a sum or a choice in parentheses.
    private func receiver(_ input: String) -> String {
        switch self {
        case .concat, .choose: "(\(cel(input)))"
        default: cel(input)
        }
    }

    /// Where `needle` first starts in `text` (0 for an empty needle, as CEL's indexOf).
    static func firstIndex(of needle: Bytes, in text: Bytes) -> Int? {
        guard needle.count <= text.count else { return nil }
        var start = 0
        while start + needle.count <= text.count {
            if matches(needle, in: text, at: start) { return start }
            start += 1
        }
        return nil
    }

    /// Where `needle` last starts in `text`; nil for an empty needle (never asked for).
    static func lastIndex(of needle: Bytes, in text: Bytes) -> Int? {
        guard !needle.isEmpty, needle.count <= text.count else { return nil }
        var start = text.count - needle.count
        while start >= 0 {
            if matches(needle, in: text, at: start) { return start }
            start -= 1
        }
        return nil
    }

    private static func matches(_ needle: Bytes, in text: Bytes, at start: Int) -> Bool {
        var offset = 0
        while offset < needle.count {
            if text[start + offset] != needle[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The length of the UTF-8 sequence a lead byte starts.
    static func codePointLength(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }
}

/// A condition on the text being rewritten, with the same two readings as `TextRewrite`.
public indirect enum TextTest: Sendable {
    case contains(TextRewrite, String)
    case equals(TextRewrite, String)
    case startsWith(TextRewrite, String)
    /// `x.lastIndexOf(a) > x.lastIndexOf(b)`, where a missing one is -1.
    case lastAfter(TextRewrite, String, String)
    /// `x.lowerAscii() == x`: no ASCII capital letter.
    case isLowercase(TextRewrite)
    case not(TextTest)
    case all([TextTest])
    case any([TextTest])

    /// Whether the test holds of `input`, or nil where CEL would fail.
    public func holds(for input: String) -> Bool? { evaluate(Array(input.utf8)) }

    public func cel(_ input: String) -> String {
        switch self {
        case .contains(let text, let part): "\(text.cel(input)).contains(\(CELText.string(part)))"
        case .equals(let text, let other): "\(text.cel(input)) == \(CELText.string(other))"
        case .startsWith(let text, let prefix): "\(text.cel(input)).startsWith(\(CELText.string(prefix)))"
        case .lastAfter(let text, let later, let earlier):
            "\(text.cel(input)).lastIndexOf(\(CELText.string(later))) > \(text.cel(input)).lastIndexOf(\(CELText.string(earlier)))"
        case .isLowercase(let text): "\(text.cel(input)).lowerAscii() == \(text.cel(input))"
        case .not(.isLowercase(let text)): "\(text.cel(input)).lowerAscii() != \(text.cel(input))"
        case .not(let test): "!(\(test.cel(input)))"
        case .all(let tests): "(" + tests.map { $0.cel(input) }.joined(separator: " && ") + ")"
        case .any(let tests): "(" + tests.map { $0.cel(input) }.joined(separator: " || ") + ")"
        }
    }

    func evaluate(_ input: TextRewrite.Bytes) -> Bool? {
        func text(_ rewrite: TextRewrite) -> TextRewrite.Bytes? { rewrite.evaluate(input) }
        switch self {
        case .contains(let rewrite, let part):
            return text(rewrite).map { TextRewrite.firstIndex(of: Array(part.utf8), in: $0) != nil }
        case .equals(let rewrite, let other): return text(rewrite).map { $0.elementsEqual(other.utf8) }
        case .startsWith(let rewrite, let prefix): return text(rewrite).map { $0.starts(with: prefix.utf8) }
        case .lastAfter(let rewrite, let later, let earlier):
            // cel-go's lastIndexOf fails on an empty string.
            guard let text = text(rewrite), !text.isEmpty else { return nil }
            func last(_ needle: String) -> Int { TextRewrite.lastIndex(of: Array(needle.utf8), in: text) ?? -1 }
            return last(later) > last(earlier)
        case .isLowercase(let rewrite): return text(rewrite).map { !$0.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } }
        case .not(let test): return test.evaluate(input).map { !$0 }
        // CEL's && and || are commutative: a false (true) side decides even when the other fails.
        case .all(let tests):
            let results = tests.map { $0.evaluate(input) }
            return results.contains(false) ? false : results.contains(nil) ? nil : true
        case .any(let tests):
            let results = tests.map { $0.evaluate(input) }
            return results.contains(true) ? true : results.contains(nil) ? nil : false
        }
    }
}
