import PlatcSpec

/// plan + emit: the checked Spec → every file of out/, sorted by path. Pure: the CLI writes.
public enum RenderPipeline {
    /// The output families, in documentation order.
    static var planners: [any Planner.Type] {
        [
            TenantPlanner.self, KueuePlanner.self, ServingPlanner.self, KyvernoPlanner.self, LiteLLMPlanner.self, CatalogPlanner.self,
        ]
    }

    /// A fault of platc itself, never of the sources: the checks reject every input that could
    /// make two objects share an identity, and libyaml only fails on invalid UTF-8, which Swift
    /// strings cannot hold.
    public struct InternalError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func render(_ spec: Spec) throws(InternalError) -> [Artifact] {
        let context = RenderContext(spec: spec)
        var seen: [String: [String]] = [:]
        // Planners are pure functions of the context: every family's objects and files are
        // planned at once, on any core, and joined in family order.
        let plans = Parallel.all(
            planners.map { planner in { @Sendable in Plan.objects(planner.plan(context)) } }
                + planners.map { planner in { @Sendable in Plan.files(planner.files(context)) } })
        let planned: [KubeObject] = plans.flatMap(\.objects)
        let files: [OutputFile] = plans.flatMap(\.files)
        let objects = SyncAnnotations.annotate(planned) + ArgoCDPlanner.plan(context, syncing: planned)
        for (path, sources) in objects.map({ ($0.path, $0.sources) }) + files.map({ ($0.path, $0.sources) }) {
            if let first = seen[path] {
                throw InternalError(description: "\(path) rendered twice (from \(first.sorted()) and \(sources.sorted()))")
            }
            seen[path] = sources
        }
        // Each file's bytes depend on its own object only: emitted on every core, in order.
        let emitted = Parallel.map(objects.map(Emission.object) + files.map(Emission.file)) { emission in
            Result { () throws(InternalError) -> Artifact in try emission.artifact() }
        }
        var artifacts = [OutputReadme.artifact(platform: spec.platform, objects: objects, files: files)]
        for result in emitted { artifacts.append(try result.get()) }
        return artifacts.sorted { $0.path < $1.path }
    }

    /// What one planner task returns.
    private enum Plan: Sendable {
        case objects([KubeObject])
        case files([OutputFile])

        var objects: [KubeObject] { if case .objects(let objects) = self { objects } else { [] } }
        var files: [OutputFile] { if case .files(let files) = self { files } else { [] } }
    }

    /// One file to emit: a Kubernetes object or another output file.
    private enum Emission: Sendable {
        case object(KubeObject)
        case file(OutputFile)

        func artifact() throws(InternalError) -> Artifact {
            do {
                switch self {
                case .object(let object): return try Artifact.yaml(path: object.path, sources: object.sources, document: object.document)
                case .file(let file): return try file.artifact()
                }
            } catch {
                throw InternalError(description: "cannot emit the output: \(error)")
            }
        }
    }
}
