import PlatcFacts
import PlatcSpec

extension QuotaChecks {
    /// How quota findings print numbers: counts with their noun, dollars, ratios.
    enum Text {
        /// "1 GPU", "3 GPUs".
        static func count(_ n: Int64, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

        /// "no GPU", "fewer than 2 GPUs": what a class has left when `n` do not fit.
        static func lessThan(_ n: Int64, _ noun: String) -> String { n == 1 ? "no \(noun)" : "fewer than \(count(n, noun))" }

        /// An amount of micro-dollars: `$1500`, `$4285.714286`.
        static func dollars(_ micros: Int64) -> String {
            micros == .max ? "more than $9223372036854" : "$\(USD(micros: micros))"
        }

        /// A count of millionths as a plain decimal (`1`, `1.05`): the same digits as a USD amount.
        static func decimal(millionths: Int64) -> String { USD(micros: millionths).description }
    }
}
