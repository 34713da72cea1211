/// The AppProject of the platform's Applications: it admits exactly what Argo CD syncs — this
/// repo, the namespaces objects go to, the cluster-scoped objects by name and the namespaced
/// kinds, the child Applications included — so an edit that slips past review still cannot make
/// Argo CD create anything else.
enum ArgoCDProject {
    /// `objects`: what the child Applications sync; `applications`: the children, which the root syncs.
    static func object(_ context: RenderContext, syncing objects: [KubeObject], applications: [KubeObject]) -> KubeObject {
        let argocd = context.platform.argocd
        // The LiteLLM Application creates the LiteLLM namespace when missing (CreateNamespace), so
        // the project admits that Namespace too.
        let litellm = context.platform.namespaces.litellm.value
        var namespaces: Set<String> = [litellm]
        var cluster: Set<ResourceItem> = [ResourceItem(group: "", kind: "Namespace", name: litellm)]
        var namespaced: Set<ResourceItem> = []
        var sources: Set<String> = [context.platformSource]
        // One pass, no copies: at 5,000 tenants these are 50,000 objects.
        for object in [objects, applications].joined() {
            if let namespace = object.namespace {
                namespaces.insert(namespace)
                namespaced.insert(ResourceItem(kindOf: object))
            } else {
                cluster.insert(ResourceItem(named: object))
            }
            sources.formUnion(object.sources)
        }
        return KubeObject(
            ArgoCDNames.apiVersion, "AppProject", name: argocd.project.value, namespace: argocd.namespace.value,
            labels: context.commonLabels,
            body: [
                "spec": [
                    "description": .string("Platform \(context.platform.name.value), rendered by platc: only the objects platc renders."),
                    "sourceRepos": [.string(argocd.repoURL.value)],
                    "destinations": .list(
                        namespaces.sorted().map { ["server": .string(ArgoCDNames.inClusterServer), "namespace": .string($0)] }),
                    "clusterResourceWhitelist": .list(cluster.sorted().map(\.yaml)),
                    "namespaceResourceWhitelist": .list(namespaced.sorted().map(\.yaml)),
                ]
            ],
            sources: Array(sources), folder: "argocd")
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
