extension Rule {
    public static let schemaNameMismatch = Rule(
        id: "schema/name-mismatch",
        summary: "A document's `name` differs from its file's base name.",
        rationale: "The file name is how people find an object; when they differ, a rename in one place silently creates a second object.",
        example: """
            tenants/search.yaml
            name: serch
            """,
        fix: "Make `name` equal to the file name (or rename the file).")
}
