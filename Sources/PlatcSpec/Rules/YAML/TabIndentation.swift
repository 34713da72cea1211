extension Rule {
    public static let yamlTabIndentation = Rule(
        id: "yaml/tab-indentation",
        summary: "A line is indented with a tab.",
        rationale:
            "YAML forbids tabs in indentation; libyaml's own message (\"found character that cannot start any token\") does not say so.",
        example: """
            tenants/search.yaml
            budget:
            	usd: 100
            """,
        fix: "Indent with spaces; configure the editor to insert spaces in YAML files.")
}
