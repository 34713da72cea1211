extension Rule {
    public static let sourceWrongFolder = Rule(
        id: "source/wrong-folder",
        summary: "A document's kind does not belong in the folder it is in.",
        rationale:
            "The folder tells readers what a file is: platform/ holds Platform and GPUClass, tenants/ holds Tenant, models/ holds Model.",
        example: """
            tenants/h100.yaml
            kind: GPUClass
            """,
        fix: "Move the file to the folder of its kind.")
}
