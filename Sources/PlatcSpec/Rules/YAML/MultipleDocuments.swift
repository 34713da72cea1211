extension Rule {
    public static let yamlMultipleDocuments = Rule(
        id: "yaml/multiple-documents",
        summary: "The file holds more than one YAML document.",
        rationale: "One document per file keeps every object's name equal to its file name, so reviews and diffs read object by object.",
        example: """
            tenants/search.yaml
            kind: Tenant
            name: search
            ---
            kind: Tenant
            name: support
            """,
        fix: "Move each document after `---` to a file of its own, named after it.")
}
