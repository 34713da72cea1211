/// Why a unit-bearing value did not parse: a message about the value and a hint with the fix.
public struct UnitError: Error, Equatable, Sendable {
    public var message: String
    public var hint: String

    public init(_ message: String, hint: String) {
        self.message = message
        self.hint = hint
    }
}

/// Splits `"250ms"` into its digits and unit suffix: `("250", "ms")`; decimals keep their point.
func splitNumberAndUnit(_ text: Substring) -> (number: Substring, unit: Substring) {
    let end = text.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? text.endIndex
    return (text[..<end], text[end...])
}

/// Parses a non-negative decimal like `12`, `0.15` or `79.18` into an integer count of
/// 10^-scale units, exactly. nil when it is not such a number or overflows.
func parseFixedPoint(_ text: Substring, scale: Int) -> Int64? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
        whole.allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    let fraction = parts.count == 2 ? parts[1] : ""
    guard parts.count == 1 || !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
        fraction.count <= scale
    else { return nil }
    let significant = (whole + fraction + String(repeating: "0", count: scale - fraction.count)).drop { $0 == "0" }
    return significant.isEmpty ? 0 : Int64(significant)
}
