import PlatcSpec

/// LiteLLM's `input_cost_per_token` / `output_cost_per_token`: USD per token, from the language's
/// USD per million tokens. USD is kept in micro-dollars, so a price per token is `micros × 10⁻¹²`
/// dollars exactly; it is written as a plain decimal (never through a Double, never in exponent
/// form, which PyYAML would read as a string).
enum TokenPrice {
    static func perToken(_ perMillion: USD) -> YAMLValue { .decimal(decimal(perMillion.micros, scale: 12)) }

    /// `value × 10^-scale` as a plain decimal without trailing zeros: `0.0000001`, `2`, `0`.
    static func decimal(_ value: Int64, scale: Int) -> String {
        var unit: Int64 = 1
        for _ in 0..<scale { unit *= 10 }
        let whole = value / unit, fraction = value % unit
        guard fraction != 0 else { return "\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: scale - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}

/// Durations in LiteLLM's unit, seconds: an integer when whole (`120`), else an exact decimal (`1.5`).
enum LiteLLMSeconds {
    static func value(_ duration: Duration) -> YAMLValue {
        let ms = duration.milliseconds
        return ms % 1000 == 0 ? .int(ms / 1000) : .decimal(TokenPrice.decimal(ms, scale: 3))
    }
}
