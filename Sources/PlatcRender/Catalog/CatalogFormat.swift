import PlatcFacts
import PlatcSpec

/// Number formatting for the catalog, without Foundation's locale-dependent formatters: the
/// page must be the same bytes on every machine. Public for `platc diff`'s summary, which states
/// the same facts.
public enum CatalogFormat {
    /// `16384` → `16,384`.
    public static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }

    static func grouped(_ value: Int) -> String { grouped(Int64(value)) }

    /// `value` rounded half away from zero to `places` decimals, never negative zero: `15.04`.
    public static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((value.magnitude * scale).rounded())
        guard places > 0 else { return (value < 0 && scaled != 0 ? "-" : "") + String(scaled) }
        let unit = Int64(scale)
        var fraction = String(scaled % unit)
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        return (value < 0 && scaled != 0 ? "-" : "") + "\(scaled / unit).\(fraction)"
    }

    /// A GiB figure as vLLM logs it: one decimal.
    static func gib(_ value: Double) -> String { fixed(max(0, value), places: 1) }

    /// A percentage of `total` for SVG geometry: two decimals, clamped to 0…100.
    static func percent(_ part: Double, of total: Double) -> String {
        guard total > 0 else { return "0" }
        return fixed(min(100, max(0, part / total * 100)), places: 2)
    }

    /// Dollars with at least two decimals and every significant one: `$0.10`, `$0.005`, `$2,000`.
    public static func dollars(_ amount: USD) -> String {
        let whole = amount.micros / 1_000_000
        // USD's own exact decimal, without trailing zeros: "12.5", "0.005", "2000".
        let fraction = amount.description.split(separator: ".").dropFirst().first.map(String.init) ?? ""
        if fraction.isEmpty, whole >= 1000 { return "$" + grouped(whole) }
        return "$\(grouped(whole)).\(fraction + String(repeating: "0", count: max(0, 2 - fraction.count)))"
    }

    public static func duration(_ milliseconds: Int64) -> String { Duration(milliseconds: milliseconds).description }
}
