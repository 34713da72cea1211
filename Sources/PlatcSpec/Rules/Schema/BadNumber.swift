extension Rule {
    public static let schemaBadNumber = Rule(
        id: "schema/bad-number",
        summary: "A number is negative, out of range, fractional where whole, NaN, infinite or too large.",
        rationale: "Such values overflow or invert the arithmetic of quotas, budgets and GPU fit.",
        example: """
            tenants/search.yaml
            gpuQuota:
              h100: {nominal: -2}
            """,
        fix: "Use a value inside the range the hint names.")
}
