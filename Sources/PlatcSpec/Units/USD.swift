/// An amount of US dollars, written as a plain number (`500`, `0.15`). Kept exactly in
/// millionths so that per-token prices (USD per 1M tokens / 10^6) stay exact.
public struct USD: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var micros: Int64

    public init(micros: Int64) { self.micros = micros }

    public static let pattern = "^[0-9]+(\\.[0-9]{1,6})?$"

    public static func parse(_ text: String) -> Result<USD, UnitError> {
        let hint = "write US dollars as a plain number with at most 6 decimals, e.g. 500 or 0.15"
        var body = Substring(text)
        if body.hasPrefix("$") {
            return .failure(
                UnitError("'\(text)' has a currency sign", hint: "write \(body.dropFirst()) without '$': amounts are US dollars"))
        }
        if body.hasPrefix("-") { return .failure(UnitError("'\(text)' is negative", hint: "amounts must be zero or more")) }
        if body.hasPrefix("+") { body = body.dropFirst() }
        guard let micros = parseFixedPoint(body, scale: 6), micros <= 1_000_000_000_000_000 else {
            return .failure(UnitError("'\(text)' is not a US dollar amount", hint: hint))
        }
        return .success(USD(micros: micros))
    }

    public var dollars: Double { Double(micros) / 1_000_000 }

    public static func < (a: USD, b: USD) -> Bool { a.micros < b.micros }

    /// Exact decimal, no trailing zeros: `1500`, `0.15`.
    public var description: String {
        let whole = micros / 1_000_000, fraction = micros % 1_000_000
        guard fraction != 0 else { return "\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 6 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}
