import PlatcFacts
import PlatcSpec

public enum NamespaceCollision: CheckRule {
    public static let rule = Rule(
        id: "ref/namespace-collision",
        summary:
            "A tenant's name, which is also its namespace, is one of the platform's namespaces (serving, gateway, litellm, "
            + "Argo CD, the inference gateway's) or one Kubernetes reserves (default, kube-system, kube-public, kube-node-lease, any `kube-` name).",
        rationale:
            "platc renders a Namespace, ResourceQuota, RBAC and default-deny NetworkPolicies into the tenant's namespace: in a "
            + "shared namespace they would collide with the platform's own objects, cut its services off the network, cap "
            + "them by the tenant's quota and hand the tenant's SSO groups access to them.",
        example: """
            tenants/litellm.yaml
            name: litellm   # platform.namespaces.litellm is litellm
            """,
        fix: "Rename the tenant (its `name` and its file) to a name of its own.")

    /// Namespaces Kubernetes creates or keeps for itself; every `kube-` name is reserved too.
    static let reserved = ["default", "kube-system", "kube-public", "kube-node-lease"]
    static let reservedPrefix = "kube-"

    public static func check(_ context: inout CheckContext) {
        let platform = context.spec.platform
        let inference: [(field: String, namespace: Located<String>)] =
            context.facts.inferenceRouting == nil
            ? [] : [("routing.inferenceGateway.namespace", platform.routing.inferenceGateway.namespace)]
        let owned: [(field: String, namespace: Located<String>)] =
            [
                ("namespaces.serving", platform.namespaces.serving),
                ("namespaces.gateway", platform.namespaces.gateway),
                ("namespaces.litellm", platform.namespaces.litellm),
                ("argocd.namespace", platform.argocd.namespace),
            ] + inference
        for tenant in context.spec.tenants {
            let name = tenant.name.value
            if let claim = owned.first(where: { $0.namespace.value == name }) {
                context.diagnostics.error(
                    Self.rule,
                    "tenant '\(name)' would render into namespace '\(name)', which is the platform's \(claim.field): "
                        + "its quota, RBAC and default-deny NetworkPolicies would land on the platform's own objects",
                    at: tenant.name.span,
                    notes: [note(claim.field, claim.namespace)],
                    hint: hint(for: name, file: tenant.span.start.file))
            } else if reserved.contains(name) || name.hasPrefix(reservedPrefix) {
                let why =
                    reserved.contains(name) ? "a namespace Kubernetes reserves" : "reserved: Kubernetes keeps `kube-` names for itself"
                context.diagnostics.error(
                    Self.rule, "tenant '\(name)' would render into namespace '\(name)', which is \(why)",
                    at: tenant.name.span, hint: hint(for: name, file: tenant.span.start.file))
            }
        }
    }

    /// Points at the platform's setting, or at the key that would hold it when the default applies
    /// (the diagnostic adds "(absent; default …)").
    static func note(_ field: String, _ namespace: Located<String>) -> Diagnostic.Note {
        .init("platform \(field) is '\(namespace.value)'" + (namespace.span.isAbsent ? "" : " here"), at: namespace.span)
    }

    /// Rename advice with an example that is clear of every reserved name and fits a DNS label.
    static func hint(for name: String, file: String) -> String {
        let base = name.hasPrefix(reservedPrefix) ? String(name.dropFirst(reservedPrefix.count)) : name
        let example = "\(base)-team"
        let fits = example.count <= 63 && !reserved.contains(example)
        return "rename the tenant (its `name` and \(file))" + (fits ? ", e.g. '\(example)'" : "")
    }
}
