import PlatcSpec

/// plan + emit: the checked Spec → every file of out/, sorted by path. Pure: the CLI writes.
public enum RenderPipeline {
    /// The output families, in documentation order.
    static var planners: [any Planner.Type] { [TenantPlanner.self, KueuePlanner.self, ServingPlanner.self] }

    /// A fault of platc itself, never of the sources: the checks reject every input that could
    /// make two objects share an identity, and libyaml only fails on invalid UTF-8, which Swift
    /// strings cannot hold.
    public struct InternalError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func render(_ spec: Spec) throws(InternalError) -> [Artifact] {
        let context = RenderContext(spec: spec)
        var seen: [String: KubeObject] = [:]
        let objects = planners.flatMap { $0.plan(context) }
        var artifacts = [OutputReadme.artifact(platform: spec.platform, objects: objects)]
        for object in objects {
            if let first = seen[object.path] {
                throw InternalError(
                    description: "\(object.path) rendered twice (from \(first.sources.sorted()) and \(object.sources.sorted()))")
            }
            seen[object.path] = object
            do {
                artifacts.append(try Artifact.yaml(path: object.path, sources: object.sources, document: object.document))
            } catch {
                throw InternalError(description: "cannot emit \(object.path): \(error)")
            }
        }
        return artifacts.sorted { $0.path < $1.path }
    }
}
