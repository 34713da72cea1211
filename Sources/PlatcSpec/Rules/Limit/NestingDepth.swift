extension Rule {
    public static let limitNestingDepth = Rule(
        id: "limit/nesting-depth",
        summary: "Mappings and lists are nested more than 64 levels deep.",
        rationale: "The language needs fewer than 10 levels; deep nesting only serves to exhaust a parser's stack.",
        example: """
            tenants/search.yaml
            displayName: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
            """,
        fix: "Flatten the structure.")
}
