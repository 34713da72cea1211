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
        var applications: [Child]
    }

    /// A child Application as out/README.md lists it.
    struct Child {
        var name: String
        var part: ApplicationPart
        var size: ApplicationSize.Size
    }

    /// `units`: every plan unit's place and size, for the Applications' sizes and the rule.
    static func plan(_ context: RenderContext, syncing objects: [KubeObject], units: [PlacedUnit]) -> Plan {
        var sizes: [ApplicationPart: ApplicationSize.Size] = [:]
        for unit in units where unit.size.objects > 0 { sizes[unit.part, default: ApplicationSize.Size()].add(unit.size) }
        let order = sizes.keys.sorted()
        // KEDA's Deployments are all an Application needs of its objects beyond their count.
        let autoscaled = Dictionary(grouping: objects.filter(ArgoCDApplication.isAutoscaled), by: \.applicationFolder)
        let children = order.map { part in ArgoCDApplication.child(context, part: part, autoscaled: autoscaled[part.folder] ?? []) }
        return Plan(
            objects: [ArgoCDProject.object(context, syncing: objects, applications: children), ArgoCDApplication.root(context)] + children,
            diagnostics: ApplicationSize.diagnostics(context, sizes: sizes, units: units),
            applications: zip(order, children).map { Child(name: $1.name, part: $0, size: sizes[$0] ?? ApplicationSize.Size()) })
    }
}
