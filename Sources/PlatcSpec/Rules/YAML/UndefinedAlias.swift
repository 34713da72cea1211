extension Rule {
    public static let yamlUndefinedAlias = Rule(
        id: "yaml/undefined-alias",
        summary: "An alias (`*name`) refers to an anchor that is not defined before it.",
        rationale: "The value it stands for does not exist.",
        example: """
            tenants/search.yaml
            budget: *defaultBudget
            """,
        fix: "Define the anchor (`&defaultBudget`) before its first use, or write the value out.")
}
