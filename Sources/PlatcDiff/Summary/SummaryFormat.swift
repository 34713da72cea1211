import PlatcSpec

/// How the summary spells values: the catalog's formats (the same facts read the same in both),
/// plus the few phrases only a comparison needs.
enum SummaryFormat {
    /// " GPU" or " GPUs", agreeing with the count read last (the after value when there is one).
    static func gpuUnit(_ before: Int64?, _ after: Int64?) -> String { " " + Plural.noun(after ?? before ?? 0, "GPU") }

    /// "$50.00 per 30d".
    static func budget(_ usd: USD, period: String) -> String { "\(Figures.dollars(usd)) per \(period)" }

    /// "a10 × 1": the GPU class and the GPUs of each replica.
    static func placement(_ model: Model) -> String { "\(model.serving.gpuClass.value) × \(model.serving.tensorParallel.value)" }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// A decimal as written, without a trailing ".0": 1.5 → "1.5", 2.0 → "2".
    static func decimal(_ value: Double) -> String {
        let text = "\(value)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
