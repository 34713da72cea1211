import PlatcSpec

/// Money: the platform's budget and overcommit, each tenant's budget, each model's prices.
enum BudgetChanges {
    static func compare(_ pair: SpecPair, into list: inout ChangeList) {
        let old = pair.base.platform.budget, new = pair.head.platform.budget
        list.compare(
            .budgets, "platform", "budget", "Platform budget", SummaryFormat.budget(old.usd.value, period: old.period.value),
            SummaryFormat.budget(new.usd.value, period: new.period.value))
        list.compare(
            .budgets, "platform", "overcommit", "Overcommit of tenant budgets over the platform budget",
            SummaryFormat.decimal(old.overcommit.value) + "×", SummaryFormat.decimal(new.overcommit.value) + "×")
        for (base, head) in pair.tenants.both {
            let name = head.name.value
            list.compare(
                .budgets, name, "budget", "Budget of tenant \(name)",
                SummaryFormat.budget(base.budget.usd.value, period: base.budget.period.value),
                SummaryFormat.budget(head.budget.usd.value, period: head.budget.period.value))
        }
        for (base, head) in pair.models.both {
            let name = head.name.value, old = base.pricing, new = head.pricing
            list.compare(
                .budgets, name, "input price", "Input price of model \(name)", Figures.dollars(old.inputPerMillion.value),
                Figures.dollars(new.inputPerMillion.value), unit: " per 1M tokens")
            list.compare(
                .budgets, name, "output price", "Output price of model \(name)", Figures.dollars(old.outputPerMillion.value),
                Figures.dollars(new.outputPerMillion.value), unit: " per 1M tokens")
        }
    }
}
