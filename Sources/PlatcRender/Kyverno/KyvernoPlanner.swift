/// The admission family: Kyverno CEL policies (`policies.kyverno.io/v1`), cluster-scoped, named
/// `platc-…` (docs/render-kyverno.md). In `platform.policy.mode` Audit they report and warn, in
/// Enforce they deny.
enum KyvernoPlanner: Planner {
    static func plan(_ context: RenderContext) -> [KubeObject] {
        let platform = [context.platformSource]
        let classes = context.spec.gpuClasses.map { $0.span.start.file }
        var objects = [
            QueueGatePolicy.shape(context).object(context, sources: platform),
            GPUFitPolicy.shape(context).object(context, sources: platform + classes),
            ImageRegistryPolicy.shape(context).object(context, sources: platform),
            PodSecurityPolicy.shape(context).object(context, sources: platform),
            TenantLabelPolicy.shape(context).object(context, sources: platform),
        ]
        if let signatures = ImageSignaturePolicy.object(context) { objects.append(signatures) }
        return objects
    }
}
