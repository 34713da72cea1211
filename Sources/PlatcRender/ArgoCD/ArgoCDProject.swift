/// The AppProject of the platform's Application: it admits exactly what platc renders — this
/// repo, the namespaces objects go to, the cluster-scoped objects by name and the namespaced
/// kinds — so an edit that slips past review still cannot make Argo CD create anything else.
enum ArgoCDProject {
    static func object(_ context: RenderContext, syncing objects: [KubeObject]) -> KubeObject {
        let argocd = context.platform.argocd
        // The Application creates the LiteLLM namespace when missing (CreateNamespace), so the
        // project admits that Namespace too.
        let litellm = context.platform.namespaces.litellm.value
        let namespaces = Set(objects.compactMap(\.namespace) + [litellm]).sorted()
        let created = ResourceItem(group: "", kind: "Namespace", name: litellm)
        let cluster = Set(objects.filter { $0.namespace == nil }.map(ResourceItem.init(named:)) + [created]).sorted()
        let namespaced = Set(objects.filter { $0.namespace != nil }.map(ResourceItem.init(kindOf:))).sorted()
        return KubeObject(
            ArgoCDNames.apiVersion, "AppProject", name: argocd.project.value, namespace: argocd.namespace.value,
            labels: context.commonLabels,
            body: [
                "spec": [
                    "description": .string("Platform \(context.platform.name.value), rendered by platc: only the objects platc renders."),
                    "sourceRepos": [.string(argocd.repoURL.value)],
                    "destinations": .list(
                        namespaces.map { ["server": .string(ArgoCDNames.inClusterServer), "namespace": .string($0)] }),
                    "clusterResourceWhitelist": .list(cluster.map(\.yaml)),
                    "namespaceResourceWhitelist": .list(namespaced.map(\.yaml)),
                ]
            ],
            sources: [context.platformSource] + objects.flatMap(\.sources), folder: "argocd")
    }

    /// One whitelist entry: a group and kind, and for cluster-scoped objects the name.
    struct ResourceItem: Hashable, Comparable {
        var group: String
        var kind: String
        var name: String?

        static func < (a: ResourceItem, b: ResourceItem) -> Bool {
            (a.group, a.kind, a.name ?? "") < (b.group, b.kind, b.name ?? "")
        }

        var yaml: YAMLValue { ["group": .string(group), "kind": .string(kind), "name": name.map(YAMLValue.string)] }
    }
}

// In an extension, so the memberwise initializer stays.
extension ArgoCDProject.ResourceItem {
    init(named object: KubeObject) {
        self.init(kindOf: object)
        name = object.name
    }

    init(kindOf object: KubeObject) {
        self.init(group: ArgoCDNames.group(of: object.apiVersion), kind: object.kind)
    }
}
