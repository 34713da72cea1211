/// The serving namespace. Pod Security `restricted` is enforced (and audited, and warned about)
/// at the platform's Kubernetes version, so an upgrade cannot silently change the rules. It does
/// not carry the tenant opt-in label: vLLM pods are not Kueue workloads and the Kyverno queue
/// gate does not apply to them.
enum ServingNamespace {
    static func podSecurityLabels(_ context: RenderContext) -> [(String, String)] {
        let version = "v" + context.platform.kubernetesVersion.value.drop { $0 == "v" }
        return ["enforce", "audit", "warn"].flatMap { mode in
            [("pod-security.kubernetes.io/\(mode)", "restricted"), ("pod-security.kubernetes.io/\(mode)-version", version)]
        }
    }

    static func object(_ context: RenderContext) -> KubeObject {
        KubeObject(
            "v1", "Namespace", name: context.platform.namespaces.serving.value,
            labels: podSecurityLabels(context) + context.commonLabels, sources: [context.platformSource])
    }
}
