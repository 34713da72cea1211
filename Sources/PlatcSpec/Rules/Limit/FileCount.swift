extension Rule {
    public static let limitFileCount = Rule(
        id: "limit/file-count",
        summary: "A source folder holds more than 20,000 files.",
        rationale:
            "platc reads every file of platform/, tenants/ and models/; a runaway generator or a misplaced folder should fail fast and clearly, not slowly.",
        example: """
            tenants/ with 20,001 files
            """,
        fix: "Remove the files that are not platform sources, or split the platform.")
}
