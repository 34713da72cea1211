import PlatcFacts
import PlatcSpec

/// plan + emit: the checked Spec → every file of out/, sorted by path. Pure: the CLI writes.
public enum RenderPipeline {
    /// The output families, in documentation order.
    static var planners: [any Planner.Type] {
        [
            TenantPlanner.self, KueuePlanner.self, ServingPlanner.self, RoutingPlanner.self, KyvernoPlanner.self, LiteLLMPlanner.self,
            CatalogPlanner.self,
        ]
    }

    /// Why a render wrote nothing.
    public enum Failure: Error, CustomStringConvertible {
        /// The rendered objects break a limit only a render can see (`limit/argocd-application-size`):
        /// a fault of the sources, reported like the checks' findings.
        case refused([Diagnostic])
        /// A fault of platc itself, never of the sources: the checks reject every input that could
        /// make two objects share an identity.
        case internalError(String)

        public var description: String {
            switch self {
            case .refused(let diagnostics): diagnostics.map(\.message).joined(separator: "; ")
            case .internalError(let description): description
            }
        }
    }

    /// The rules only a render can check, for `platc rules` and the SARIF rule list.
    public static let rules: [Rule] = [ApplicationSize.rule]

    public static func render(_ facts: Facts) throws(Failure) -> [Artifact] {
        let context = RenderContext(facts: facts)
        // Planners are pure functions of the context, and each unit of a plan (a tenant, a
        // model, a family's shared objects) and each family's files are independent: every core
        // plans and emits them, a unit's object trees are dropped once emitted, and the results
        // join in family order. Only identities (kind, name, annotations) are kept for Argo CD,
        // the README and the duplicate-path check.
        let work = planners.flatMap { $0.units(context).map(Work.objects) } + planners.map(Work.files)
        var objects: [KubeObject] = []
        var files: [OutputFile] = []
        var artifacts: [Artifact] = []
        var placed: [PlacedUnit] = []
        for done in Parallel.map(work, { $0.run(context) }) {
            objects += done.objects
            placed += done.placed
            files += done.files
            artifacts += done.artifacts
        }
        let argocd = ArgoCDPlanner.plan(context, syncing: objects, units: placed)
        if argocd.diagnostics.contains(where: { $0.severity == .error }) { throw .refused(argocd.diagnostics) }
        artifacts += argocd.objects.map(emit)
        objects += argocd.objects
        // Each path once: the artifacts' paths, computed when emitted; the sources only for the report.
        var seen = Set<String>(minimumCapacity: artifacts.count)
        for artifact in artifacts where !seen.insert(artifact.path).inserted {
            let sources =
                objects.filter { $0.path == artifact.path }.map(\.sources) + files.filter { $0.path == artifact.path }.map(\.sources)
            throw .internalError("\(artifact.path) rendered twice (from \(sources.map { $0.sorted() }))")
        }
        artifacts.append(OutputReadme.artifact(facts, objects: objects, files: files, applications: argocd.applications))
        return artifacts.sorted { $0.path < $1.path }
    }

    /// A unit's objects as the render writes them (with their sync annotations, in their
    /// Application's folder), and the unit's owner, part and size.
    static func placed(_ unit: PlanUnit, _ context: RenderContext) -> (objects: [KubeObject], placed: PlacedUnit) {
        var objects = SyncAnnotations.annotate(unit.plan())
        let part = context.facts.applications.part(of: unit.owner)
        let folder = part.folder
        var size = ApplicationSize.Size()
        for index in objects.indices {
            objects[index].applicationFolder = folder
            // Measured while the body is there: the sync result lists a workload's images.
            size.add(objects[index])
        }
        return (objects, PlacedUnit(owner: unit.owner, part: part, size: size))
    }

    /// Every object of every family, placed, before the Argo CD family, and each unit's place and
    /// size: what tests inspect.
    static func placedObjects(_ context: RenderContext) -> (objects: [KubeObject], units: [PlacedUnit]) {
        let placed = planners.flatMap { $0.units(context) }.map { Self.placed($0, context) }
        return (placed.flatMap(\.objects), placed.map(\.placed))
    }

    private static func emit(_ object: KubeObject) -> Artifact {
        Artifact.yaml(path: object.path, sources: object.sources, document: object.document)
    }

    /// One task of a render: a unit of a family's plan, or a family's files.
    private enum Work: Sendable {
        case objects(PlanUnit)
        case files(any Planner.Type)

        func run(_ context: RenderContext) -> Done {
            switch self {
            case .objects(let unit):
                var (objects, placed) = RenderPipeline.placed(unit, context)
                let artifacts = objects.map(emit)
                // Emitted: the identity is all that is still read.
                for index in objects.indices { objects[index].body = [:] }
                return Done(objects: objects, placed: [placed], files: [], artifacts: artifacts)
            case .files(let planner):
                var files = planner.files(context)
                let artifacts = files.map { $0.artifact() }
                for index in files.indices { files[index].contents = .text("") }
                return Done(objects: [], placed: [], files: files, artifacts: artifacts)
            }
        }
    }

    /// What a task leaves: the identities of what it planned and the files' bytes.
    private struct Done: Sendable {
        var objects: [KubeObject]
        /// Each unit's owner, Application part and size (at most one: a family's files have none).
        var placed: [PlacedUnit]
        var files: [OutputFile]
        var artifacts: [Artifact]
    }
}
