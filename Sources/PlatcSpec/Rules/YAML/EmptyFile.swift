extension Rule {
    public static let yamlEmptyFile = Rule(
        id: "yaml/empty-file",
        summary: "The file holds no document.",
        rationale:
            "An empty or comment-only file is almost always a mistake (a half-finished rename or a deleted body), and its name would claim an object that does not exist.",
        example: """
            tenants/search.yaml
            # TODO
            """,
        fix: "Write the document, or delete the file.")
}
