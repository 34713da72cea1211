extension Rule {
    public static let schemaInvalidName = Rule(
        id: "schema/invalid-name",
        summary: "A name is not a DNS-1123 label.",
        rationale: "Names become Kubernetes object names, namespaces and labels: at most 63 lowercase letters, digits and '-'.",
        example: """
            tenants/Search_Team.yaml
            name: Search_Team
            """,
        fix: "Use lowercase letters, digits and '-' only, starting and ending with a letter or digit.")
}
