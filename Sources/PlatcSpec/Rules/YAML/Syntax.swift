extension Rule {
    public static let yamlSyntax = Rule(
        id: "yaml/syntax",
        summary: "The file is not well-formed YAML.",
        rationale: "libyaml could not parse the file, so none of its values can be trusted; platc reports where the parser stopped.",
        example: """
            tenants/search.yaml
            name: search
            budget: {usd: 100
            """,
        fix: "Fix the YAML at the reported position (unclosed brackets or quotes, a missing `: `, bad indentation).")
}
