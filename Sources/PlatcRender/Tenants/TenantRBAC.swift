/// The Role the tenant's SSO groups get in their namespace, and the RoleBinding that grants it.
/// They run and debug batch work; they cannot change what contains it (quota, limits, RBAC,
/// NetworkPolicies, Kueue queues, the Namespace), which platc renders from reviewed sources.
enum TenantRBAC {
    static let roleName = "tenant-member"

    static let manage: YAMLValue = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"]
    static let read: YAMLValue = ["get", "list", "watch"]

    static let rules: [YAMLValue] = {
        [
            // Jobs are how tenants run GPU work: Kueue queues them. Bare pods are not creatable,
            // so work cannot skip the queue by going around the Job.
            ["apiGroups": ["batch"], "resources": ["jobs", "cronjobs"], "verbs": manage],
            // Inspect, clean up and debug what the Jobs started.
            ["apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list", "watch", "delete", "deletecollection"]],
            ["apiGroups": [""], "resources": ["pods/log"], "verbs": ["get", "list"]],
            ["apiGroups": [""], "resources": ["pods/exec", "pods/portforward"], "verbs": ["create"]],
            // Job inputs: configuration, the LiteLLM virtual key and other credentials, data volumes,
            // and Services for multi-pod Jobs.
            [
                "apiGroups": [""], "resources": ["configmaps", "secrets", "persistentvolumeclaims", "services"],
                "verbs": manage,
            ],
            // Why a pod is pending or a Job waits.
            ["apiGroups": ["", "events.k8s.io"], "resources": ["events"], "verbs": read],
            // Their own admission state and limits, read-only: Kueue workloads and queues, quota usage.
            ["apiGroups": ["kueue.x-k8s.io"], "resources": ["workloads", "localqueues"], "verbs": read],
            ["apiGroups": [""], "resources": ["resourcequotas", "limitranges"], "verbs": read],
        ]
    }()

    static func objects(_ tenant: TenantObjects) -> [KubeObject] {
        let role = tenant.object("rbac.authorization.k8s.io/v1", "Role", name: roleName, body: ["rules": .list(rules)])
        // Groups as the identity provider names them; sorted, since their order means nothing.
        let subjects: [YAMLValue] = tenant.tenant.ssoGroups.map(\.value).sorted().map { group in
            ["kind": "Group", "apiGroup": "rbac.authorization.k8s.io", "name": .string(group)]
        }
        let binding = tenant.object(
            "rbac.authorization.k8s.io/v1", "RoleBinding", name: roleName,
            body: [
                "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": .string(roleName)],
                "subjects": .list(subjects),
            ])
        return [role, binding]
    }
}
