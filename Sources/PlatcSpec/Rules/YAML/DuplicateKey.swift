extension Rule {
    public static let yamlDuplicateKey = Rule(
        id: "yaml/duplicate-key",
        summary: "A mapping repeats a key.",
        rationale:
            "YAML forbids repeated keys, yet many parsers keep the last value silently: the first value, the one a reviewer reads, would be ignored.",
        example: """
            tenants/search.yaml
            rateLimits:
              rpm: 600
              rpm: 6000
            """,
        fix: "Remove one of the two entries; the note points at the first.")
}
