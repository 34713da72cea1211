/// One output family (tenants, Kueue, serving, …): turns the checked Spec into objects, and into
/// files that are not Kubernetes objects (the LiteLLM config for review, the teams document).
/// Planners are pure functions of the context; the pipeline emits, sorts and writes what they return.
public protocol Planner: Sendable {
    static func plan(_ context: RenderContext) -> [KubeObject]
    static func files(_ context: RenderContext) -> [OutputFile]
}

extension Planner {
    public static func files(_ context: RenderContext) -> [OutputFile] { [] }
}
