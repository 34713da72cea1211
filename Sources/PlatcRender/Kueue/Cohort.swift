/// The Cohort every tenant's ClusterQueue joins (`spec.cohortName`), so a tenant can borrow the
/// GPUs other tenants leave idle.
enum Cohort {
    /// No quota of its own: the shared pool is the members' unused nominal quota. The quota checks
    /// (docs/checks-quota.md, "What the cohort can lend") count exactly that; quota here would
    /// have to be added there. No parent, so no borrowing or lending limits (Kueue rejects them).
    static func object(_ context: RenderContext) -> KubeObject {
        KubeObject(
            KueueNames.apiVersion, "Cohort", name: KueueNames.cohort(context.platform), labels: context.commonLabels,
            body: ["spec": [:]], sources: [context.platformSource])
    }
}
