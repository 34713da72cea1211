extension Rule {
    public static let schemaDuplicateItem = Rule(
        id: "schema/duplicate-item",
        summary: "A list that must hold distinct entries repeats one.",
        rationale: "Repeated aliases, groups or tenants are a copy-paste slip and would render duplicate entries.",
        example: """
            models/llama.yaml
            tenants: [search, support, search]
            """,
        fix: "Remove the repeated entry.")
}
