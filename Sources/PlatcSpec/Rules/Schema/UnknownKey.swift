extension Rule {
    public static let schemaUnknownKey = Rule(
        id: "schema/unknown-key",
        summary: "A mapping has a key its kind does not define.",
        rationale: "A misspelt key is otherwise silently ignored: the setting the author meant never applies.",
        example: """
            tenants/search.yaml
            rateLimit:
              rpm: 600
            """,
        fix: "Use the suggested key, or remove the line.")
}
