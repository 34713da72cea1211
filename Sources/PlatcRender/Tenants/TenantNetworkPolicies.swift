/// Deny all traffic to and from the tenant's pods, then allow the two destinations a tenant Job
/// needs: DNS, and the LiteLLM proxy (the only way to the models, where keys, budgets and rate
/// limits apply). Nothing can call into the namespace.
enum TenantNetworkPolicies {
    static let denyName = "default-deny"
    static let allowName = "allow-egress-dns-litellm"

    static func objects(_ tenant: TenantObjects) -> [KubeObject] {
        [defaultDeny(tenant), allowEgress(tenant)]
    }

    /// Every pod, both directions, no rules: anything not allowed by another policy is dropped.
    static func defaultDeny(_ tenant: TenantObjects) -> KubeObject {
        tenant.object(
            "networking.k8s.io/v1", "NetworkPolicy", name: denyName,
            body: ["spec": ["podSelector": [:], "policyTypes": ["Ingress", "Egress"]]])
    }

    static func allowEgress(_ tenant: TenantObjects) -> KubeObject {
        let dns: YAMLValue = [
            "to": [NetworkPeer.pods(("k8s-app", "kube-dns"), inNamespace: "kube-system")],
            // UDP for ordinary lookups, TCP for truncated answers.
            "ports": [["protocol": "UDP", "port": 53], ["protocol": "TCP", "port": 53]],
        ]
        let litellm: YAMLValue = [
            "to": [NetworkPeer.pods(Conventions.litellmAppLabel, inNamespace: tenant.context.platform.namespaces.litellm.value)],
            "ports": [["protocol": "TCP", "port": .int(tenant.context.platform.litellm.service.port.value)]],
        ]
        return tenant.object(
            "networking.k8s.io/v1", "NetworkPolicy", name: allowName,
            body: ["spec": ["podSelector": [:], "policyTypes": ["Egress"], "egress": [dns, litellm]]], usesPlatform: true)
    }
}
