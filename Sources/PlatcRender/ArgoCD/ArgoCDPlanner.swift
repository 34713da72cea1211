import PlatcFacts
import PlatcSpec

/// The GitOps family, planned after every other one from their objects' identities
/// (docs/render-argocd.md): a child Application per part of the layout that holds objects, the
/// root app-of-apps and the AppProject. The children go to applications/, which the root syncs;
/// the root and the project to argocd/, applied once by hand (a root that synced itself could
/// prune itself). Also the size rule: an Application over budget refuses the render.
enum ArgoCDPlanner {
    struct Plan {
        var objects: [KubeObject]
        /// `limit/argocd-application-size` findings; the render writes nothing when any is an error.
        var diagnostics: [Diagnostic]
        /// Each child Application with its size, by part (out/README.md lists them).
        var applications: [(name: String, part: ApplicationPart, size: ApplicationSize.Size)]
    }

    static func plan(_ context: RenderContext, syncing objects: [KubeObject]) -> Plan {
        let parts = Dictionary(grouping: objects, by: \.part)
        let order = parts.keys.sorted()
        let children = order.map { part in ArgoCDApplication.child(context, part: part, syncing: parts[part] ?? []) }
        let sizes = parts.mapValues(ApplicationSize.Size.init)
        return Plan(
            objects: [ArgoCDProject.object(context, syncing: objects + children), ArgoCDApplication.root(context)] + children,
            diagnostics: ApplicationSize.diagnostics(context, parts: parts, sizes: sizes),
            applications: zip(order, children).map { ($1.name, $0, sizes[$0] ?? ApplicationSize.Size()) })
    }
}
