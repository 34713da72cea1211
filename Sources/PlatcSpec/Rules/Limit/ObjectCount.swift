extension Rule {
    public static let limitObjectCount = Rule(
        id: "limit/object-count",
        summary: "The platform has more than 25,000 source documents (tenants, models, GPU classes and the platform).",
        rationale:
            "Each document renders to several objects (a tenant to 9, a model to 6 or more): 5,000 tenants and 1,000 models "
            + "render 52,000 objects in about 5 s and 230 MiB. Past 25,000 documents a render is over 200,000 objects, about "
            + "1 GiB and 20 s on a 2-core CI runner, and no single Argo CD Application syncs it. The check runs before any "
            + "file is parsed, so a runaway generator fails in milliseconds.",
        example: """
            tenants/ with 15,000 files and models/ with 10,001
            """,
        fix: "Split the platform into several roots, each with its own out/ and Argo CD Application.")
}
