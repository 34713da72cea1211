import PlatcFacts
import PlatcSpec

/// How quota findings word what `Plural` and `Figures` do not: shortfalls and ratios.
enum QuotaText {
    /// "no GPU", "fewer than 2 GPUs": what a class has left when `n` do not fit.
    static func lessThan(_ n: Int64, _ noun: String) -> String { n == 1 ? "no \(noun)" : "fewer than \(Plural.counted(n, noun))" }

    /// A count of millionths as a plain decimal (`1`, `1.05`): the same digits as a USD amount.
    static func decimal(millionths: Int64) -> String { USD(micros: millionths).description }
}
