/// The serving namespace, under Pod Security `restricted` like every namespace platc renders
/// (`PodSecurityLabels`: enforced at the platform's version, audited and warned at the latest).
/// It does not carry the tenant opt-in label: vLLM pods are not Kueue workloads and the Kyverno queue
/// gate does not apply to them.
enum ServingNamespace {
    static func object(_ context: RenderContext) -> KubeObject {
        KubeObject(
            "v1", "Namespace", name: context.platform.namespaces.serving.value,
            labels: PodSecurityLabels.restricted(context.platform) + context.commonLabels, sources: [context.platformSource])
    }
}
