extension Rule {
    public static let yamlInvalidUTF8 = Rule(
        id: "yaml/invalid-utf8",
        summary: "The file is not valid UTF-8.",
        rationale: "platc reads UTF-8 only (with or without a BOM); other encodings would change names and values invisibly.",
        example: """
            tenants/search.yaml (saved as Latin-1)
            displayName: Recherche \\xE9quipe
            """,
        fix: "Save the file as UTF-8.")
}
