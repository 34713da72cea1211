extension Rule {
    public static let schemaMissingField = Rule(
        id: "schema/missing-field",
        summary: "A required field is absent (or a list has too few items).",
        rationale: "platc refuses to guess values that change what the cluster runs, costs or allows.",
        example: """
            tenants/search.yaml
            kind: Tenant
            name: search
            # no budget
            """,
        fix: "Add the field; the hint shows an example value.")
}
