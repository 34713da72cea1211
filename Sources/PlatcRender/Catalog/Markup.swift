/// Text in a markup language (the catalog's HTML and Markdown), built by string interpolation
/// that escapes by default: every `String` interpolated into it goes through `Escaping`. The
/// literal text is platc's own source (`StaticString`, so no runtime value can pose as it), a
/// `Markup` of the same language is a fragment already built this way, and only `\(raw:)`
/// appends a string as it is (platc's own stylesheet and script).
///
/// A value type over UTF-8 bytes with no shared state: any thread can build one.
struct Markup<Escaping: MarkupEscaping>: ExpressibleByStringInterpolation, Sendable {
    private(set) var bytes: [UInt8] = []

    init() {}

    init(stringLiteral literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    init(stringInterpolation: Interpolation) { bytes = stringInterpolation.bytes }

    /// The text, for `OutputFile.text`; the bytes are valid UTF-8 (whole strings and ASCII
    /// replacements), so decoding copies them without repair.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }

    /// Appends a fragment built by the same language's rules.
    mutating func append(_ fragment: Markup) { bytes.append(contentsOf: fragment.bytes) }

    struct Interpolation: StringInterpolationProtocol, Sendable {
        fileprivate var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            // Values are mostly short: names, numbers, a description.
            bytes.reserveCapacity(literalCapacity + interpolationCount * 24)
        }

        mutating func appendLiteral(_ literal: StaticString) {
            literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        /// User text: always escaped.
        mutating func appendInterpolation(_ value: String) { Escaping.append(value, to: &bytes) }

        /// A fragment of the same language, escaped where its own values came in.
        mutating func appendInterpolation(_ fragment: Markup) { bytes.append(contentsOf: fragment.bytes) }

        /// Text appended as it is: only for platc's own constants, never for a value from the sources.
        mutating func appendInterpolation(raw text: String) { bytes.append(contentsOf: text.utf8) }
    }
}

/// How a markup language shows a value as text.
protocol MarkupEscaping: Sendable {
    /// Appends `value`'s UTF-8 bytes to `output`, escaped.
    static func append(_ value: String, to output: inout [UInt8])
}
