extension Rule {
    public static let schemaWrongType = Rule(
        id: "schema/wrong-type",
        summary: "A value has the wrong shape: a list where a mapping belongs, a string where a number belongs.",
        rationale: "The value cannot mean what its field needs; quoting a number or nesting a mapping one level off are the usual causes.",
        example: """
            tenants/search.yaml
            rateLimits:
              rpm: "600"
            """,
        fix: "Write the value in the shape the message names.")
}
