/// A length of time written with a unit: `250ms`, `30s`, `5m`, `1h`, or a sum like `1m30s`.
/// Kept in milliseconds; bare numbers are refused because "30" could mean seconds or millis.
public struct Duration: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static let pattern = "^([0-9]+(ms|s|m|h))+$"
    static let unitMilliseconds: [(String, Int64)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
    /// 100,000 hours: far beyond any timeout, far below Int64's range.
    static let maximumMilliseconds: Int64 = 360_000_000_000

    public static func parse(_ text: String) -> Result<Duration, UnitError> {
        var rest = Substring(text)
        var total: Int64 = 0
        let hint = "write a whole number with a unit: ms, s, m or h (e.g. 250ms, 30s, 5m, 1h, 1m30s)"
        guard !rest.isEmpty else { return .failure(UnitError("empty duration", hint: hint)) }
        while !rest.isEmpty {
            let (number, unitAndRest) = splitNumberAndUnit(rest)
            let unit = unitAndRest.prefix { $0.isLetter }
            rest = unitAndRest.dropFirst(unit.count)
            guard !number.isEmpty else {
                return .failure(UnitError("'\(text)' is not a duration", hint: hint))
            }
            if number.contains(".") {
                return .failure(UnitError("'\(text)' has a fractional part", hint: "use a smaller unit instead (1500ms, not 1.5s)"))
            }
            guard let factor = unitMilliseconds.first(where: { $0.0 == unit })?.1 else {
                if unitAndRest.isEmpty {
                    return .failure(UnitError("'\(text)' has no unit", hint: "write \(number)s (units ms, s, m, h)"))
                }
                if unit.isEmpty {
                    return .failure(UnitError("'\(text)' is not a duration", hint: "write \(number)s, with no space (units ms, s, m, h)"))
                }
                return .failure(UnitError("'\(text)' has an unknown unit '\(unit)'", hint: hint))
            }
            // Each part and the sum stay below the bound, so nothing here can overflow.
            guard let value = Int64(number), value <= maximumMilliseconds / factor,
                total + value * factor <= maximumMilliseconds
            else {
                return .failure(UnitError("'\(text)' is too large", hint: "durations must stay below 100000h"))
            }
            total += value * factor
        }
        return .success(Duration(milliseconds: total))
    }

    public static func < (a: Duration, b: Duration) -> Bool { a.milliseconds < b.milliseconds }

    public var seconds: Double { Double(milliseconds) / 1000 }

    /// Shortest exact spelling: `90s` → `1m30s`, `1500ms` stays.
    public var description: String {
        if milliseconds == 0 { return "0s" }
        var rest = milliseconds
        var text = ""
        for (unit, factor) in Self.unitMilliseconds.reversed() where rest >= factor {
            text += "\(rest / factor)\(unit)"
            rest %= factor
        }
        return text
    }
}

extension Duration {
    /// How a person reads it, in prose and on the catalog: `250 ms`, `30 s`, `4 m 3.5 s`,
    /// `1 h 30 m`. Hints that a user pastes into a source file use `description` instead.
    public var spoken: String {
        if milliseconds == 0 { return "0 s" }
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        var parts: [String] = []
        let hours = milliseconds / 3_600_000, minutes = milliseconds % 3_600_000 / 60_000
        let seconds = milliseconds % 60_000 / 1000, millis = milliseconds % 1000
        if hours > 0 { parts.append("\(hours) h") }
        if minutes > 0 { parts.append("\(minutes) m") }
        if seconds > 0 || millis > 0 {
            var fraction = millis > 0 ? String(millis) : ""
            if millis > 0 { fraction = String(repeating: "0", count: 3 - fraction.count) + fraction }
            while fraction.hasSuffix("0") { fraction.removeLast() }
            parts.append("\(seconds)\(fraction.isEmpty ? "" : "." + fraction) s")
        }
        return parts.joined(separator: " ")
    }
}
