extension Rule {
    public static let yamlTag = Rule(
        id: "yaml/tag",
        summary: "A value carries an explicit YAML tag (`!!str`, `!custom`).",
        rationale: "platc types every value by the field it is in; tags would be ignored or, in other tools, run constructors.",
        example: """
            tenants/search.yaml
            rateLimits:
              rpm: !!str 600
            """,
        fix: "Remove the tag.")
}
