/// Exact non-negative integer arithmetic that stops at `Int64.max` instead of trapping.
///
/// Amounts are micro-dollars and GPU counts: every realistic value is exact, and a sum past
/// Int64.max (≈ 9.2 trillion dollars) is only ever compared, where the ceiling still compares
/// as "more than any budget".
enum Saturating {
    static func add(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    /// a × numerator ÷ denominator, rounded up or down, through a 128-bit product.
    static func scale(_ a: Int64, by numerator: Int64, over denominator: Int64, roundingUp: Bool) -> Int64 {
        precondition(a >= 0 && numerator >= 0 && denominator > 0)
        let product = UInt64(a).multipliedFullWidth(by: UInt64(numerator))
        guard product.high < UInt64(denominator) else { return .max }
        let (quotient, remainder) = UInt64(denominator).dividingFullWidth(product)
        let rounded = roundingUp && remainder > 0 ? quotient &+ 1 : quotient
        return rounded > UInt64(Int64.max) || rounded < quotient ? .max : Int64(rounded)
    }
}
