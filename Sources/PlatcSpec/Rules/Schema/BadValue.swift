extension Rule {
    public static let schemaBadValue = Rule(
        id: "schema/bad-value",
        summary: "A string is not one of the allowed words or does not have the required format.",
        rationale: "Enumerations and formats (registries, hostnames, versions, image references) are checked before they reach a manifest.",
        example: """
            models/llama.yaml
            status: beta
            """,
        fix: "Use one of the listed values or the format the hint describes.")
}
