import PlatcFacts

/// The identity every endpoint picker runs as, and what it may read: its pool's pods and the pool
/// itself, and the optional InferenceObjective / InferenceModelRewrite kinds — read-only, in the
/// serving namespace. The objectives' rules are needed although platc renders none: a picker
/// started where their CRDs are installed but unreadable never syncs its cache and exits (EPP §4).
enum EndpointPickerAccess {
    static let name = "endpoint-picker"

    static func objects(_ context: RenderContext) -> [KubeObject] {
        let namespace = context.platform.namespaces.serving.value
        let labels = EndpointPickerShared.labels(context)
        let read: YAMLValue = ["get", "list", "watch"]
        return [
            KubeObject(
                "v1", "ServiceAccount", name: name, namespace: namespace, labels: labels, sources: [context.platformSource]),
            KubeObject(
                "rbac.authorization.k8s.io/v1", "Role", name: name, namespace: namespace, labels: labels,
                body: [
                    "rules": [
                        ["apiGroups": [""], "resources": ["pods"], "verbs": read],
                        ["apiGroups": ["inference.networking.k8s.io"], "resources": ["inferencepools"], "verbs": read],
                        [
                            "apiGroups": ["inference.networking.x-k8s.io", "llm-d.ai"],
                            "resources": ["inferencemodelrewrites", "inferenceobjectives"], "verbs": read,
                        ],
                    ]
                ],
                sources: [context.platformSource]),
            KubeObject(
                "rbac.authorization.k8s.io/v1", "RoleBinding", name: name, namespace: namespace, labels: labels,
                body: [
                    "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": .string(name)],
                    "subjects": [["kind": "ServiceAccount", "name": .string(name), "namespace": .string(namespace)]],
                ],
                sources: [context.platformSource]),
        ]
    }
}
