extension Rule {
    public static let schemaUnknownKind = Rule(
        id: "schema/unknown-kind",
        summary: "A document's `kind` is not one of Platform, GPUClass, Tenant, Model.",
        rationale: "platc would not know which fields to expect.",
        example: """
            tenants/search.yaml
            kind: Tennant
            """,
        fix: "Use one of the listed kinds (the hint suggests the closest).")
}
