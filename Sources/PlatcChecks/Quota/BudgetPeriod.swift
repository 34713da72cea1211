/// A budget period (`12h`, `7d`, `30d`, `1mo`) as a whole number of hours, so budgets that reset
/// at different rates can be compared exactly.
///
/// LiteLLM counts `mo` as a calendar month from now (28 to 31 days); platc counts it as 30 days,
/// the length LiteLLM's own alias `monthly` stands for. Budgets with the same period compare
/// without conversion, whatever a month is.
enum BudgetPeriod {
    static let hoursPerUnit: [Substring: Int64] = ["h": 1, "d": 24, "mo": 30 * 24]

    /// nil for text the loader would not have accepted (`StringFormat.budgetPeriod`).
    static func hours(_ period: String) -> Int64? {
        let digits = period.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int64(digits), let unit = hoursPerUnit[period.dropFirst(digits.count)], number > 0 else { return nil }
        return number * unit
    }
}
