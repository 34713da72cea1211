/// Numbers as people read them, the same bytes on every machine (no locale): grouped integers,
/// fixed decimals, dollars and spoken durations. Every surface (check messages, the catalog,
/// `platc fit`, `platc diff`) prints through these, so one fact reads the same everywhere.
public enum Figures {
    /// `16384` → `16,384`.
    public static func grouped<N: BinaryInteger>(_ value: N) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }

    /// Dollars with at least two decimals and every significant one, grouped: `$0.10`, `$0.005`,
    /// `$12.50`, `$1,500`, `$4,285.714286`. A sum that saturated reads "more than …".
    public static func dollars(_ amount: USD) -> String {
        if amount.micros == .max { return "more than $" + grouped(Int64.max / 1_000_000) }
        let whole = amount.micros / 1_000_000
        // USD's own exact decimal, without trailing zeros: "12.5", "0.005", "2000".
        let fraction = amount.description.split(separator: ".").dropFirst().first.map(String.init) ?? ""
        if fraction.isEmpty, whole >= 1000 { return "$" + grouped(whole) }
        return "$\(grouped(whole)).\(fraction + String(repeating: "0", count: max(0, 2 - fraction.count)))"
    }

    /// `value` rounded half away from zero to `places` decimals, never negative zero: `15.04`.
    public static func fixed(_ value: Double, places: Int) -> String {
        FixedDecimal(value, places: places).description
    }
}

/// A number fixed to a count of decimals once, so the text and the JSON of it agree: `28.68`.
public struct FixedDecimal: Sendable, Equatable, CustomStringConvertible {
    /// The value in units of 10^-places.
    public let units: Int64
    public let places: Int

    public enum Rounding: Sendable { case nearest, down }

    /// `.nearest` rounds half away from zero; `.down` towards minus infinity (a figure that must
    /// never claim more than there is, like a concurrency).
    public init(_ value: Double, places: Int, rounding: Rounding = .nearest) {
        self.places = places
        guard value.isFinite else {
            units = 0
            return
        }
        let scaled = value * Self.scale(places)
        let rounded = rounding == .down ? scaled.rounded(.down) : scaled.rounded(.toNearestOrAwayFromZero)
        units = rounded.magnitude < 9e18 ? Int64(rounded) : (rounded < 0 ? .min : .max)
    }

    /// As a Double: what JSON carries (its shortest form prints these digits).
    public var value: Double { Double(units) / Self.scale(places) }

    public var description: String {
        guard places > 0 else { return String(units) }
        let unit = Int64(Self.scale(places))
        let magnitude = units.magnitude
        var fraction = String(magnitude % UInt64(unit))
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        return (units < 0 ? "-" : "") + "\(magnitude / UInt64(unit)).\(fraction)"
    }

    private static func scale(_ places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return scale
    }
}
