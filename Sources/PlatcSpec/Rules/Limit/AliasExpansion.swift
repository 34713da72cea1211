extension Rule {
    public static let limitAliasExpansion = Rule(
        id: "limit/alias-expansion",
        summary: "Aliases expand to more than 10,000 nodes in one file.",
        rationale:
            "Anchors that alias each other grow exponentially (\"billion laughs\"): a few hundred bytes can stand for billions of values.",
        example: """
            tenants/search.yaml
            a: &a [x, x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            # …
            """,
        fix: "Write values out instead of aliasing aliases.")
}
