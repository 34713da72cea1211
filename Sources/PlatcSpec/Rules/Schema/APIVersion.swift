extension Rule {
    public static let schemaAPIVersion = Rule(
        id: "schema/api-version",
        summary: "A document's `apiVersion` is missing or not supported.",
        rationale: "The language is versioned so that it can evolve; platc only reads versions it knows.",
        example: """
            tenants/search.yaml
            apiVersion: platc.dev/v2
            """,
        fix: "Use `apiVersion: platc.dev/v1alpha1`.")
}
