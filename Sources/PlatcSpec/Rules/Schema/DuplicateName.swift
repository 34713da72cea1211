extension Rule {
    public static let schemaDuplicateName = Rule(
        id: "schema/duplicate-name",
        summary: "Two documents of the same kind have the same name.",
        rationale: "Both would render to the same Kubernetes objects; one would silently overwrite the other.",
        example: """
            tenants/search.yaml and tenants/team/search.yml, both name: search
            """,
        fix: "Rename or remove one of them.")
}
