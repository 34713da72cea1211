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
        let planned = planners.flatMap { $0.plan(context) }
        let objects = SyncAnnotations.annotate(planned) + ArgoCDPlanner.plan(context, syncing: planned)
        let files = planners.flatMap { $0.files(context) }
        var artifacts = [OutputReadme.artifact(platform: spec.platform, objects: objects, files: files)]
        for (path, sources) in objects.map({ ($0.path, $0.sources) }) + files.map({ ($0.path, $0.sources) }) {
            if let first = seen[path] {
                throw InternalError(description: "\(path) rendered twice (from \(first.sorted()) and \(sources.sorted()))")
            }
            seen[path] = sources
        }
        do {
            for object in objects {
                artifacts.append(try Artifact.yaml(path: object.path, sources: object.sources, document: object.document))
            }
            for file in files { artifacts.append(try file.artifact()) }
        } catch {
            throw InternalError(description: "cannot emit the output: \(error)")
        }
        return artifacts.sorted { $0.path < $1.path }
    }
}
