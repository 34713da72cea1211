extension Rule {
    public static let sourcePlatformCount = Rule(
        id: "source/platform-count",
        summary: "There is not exactly one Platform document.",
        rationale: "Platform-wide settings (namespaces, timeouts, policy) must have one source of truth.",
        example: """
            platform/ with lab.yaml and lab2.yaml, both kind: Platform
            """,
        fix: "Keep one Platform file in platform/.")
}
