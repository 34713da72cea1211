/// A share of something, 0 < x ≤ 1, written as a decimal (`0.9`). Kept in millionths.
public struct Fraction: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var millionths: Int64

    public init(millionths: Int64) { self.millionths = millionths }

    public static func parse(_ text: String) -> Result<Fraction, UnitError> {
        let hint = "write a decimal above 0 and at most 1, e.g. 0.9"
        if text.hasSuffix("%") {
            let number = text.dropLast()
            if let percent = parseFixedPoint(number, scale: 4), percent > 0, percent <= 1_000_000 {
                return .failure(UnitError("'\(text)' is a percentage", hint: "write it as a fraction, \(Fraction(millionths: percent))"))
            }
            return .failure(UnitError("'\(text)' is a percentage", hint: hint))
        }
        guard let value = parseFixedPoint(Substring(text), scale: 6) else {
            return .failure(UnitError("'\(text)' is not a fraction", hint: hint))
        }
        guard value > 0, value <= 1_000_000 else {
            return .failure(UnitError("\(text) is outside 0 < x ≤ 1", hint: hint))
        }
        return .success(Fraction(millionths: value))
    }

    public var value: Double { Double(millionths) / 1_000_000 }

    public static func < (a: Fraction, b: Fraction) -> Bool { a.millionths < b.millionths }

    public var description: String { USD(micros: millionths).description }
}
