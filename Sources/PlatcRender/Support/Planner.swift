/// One output family (tenants, Kueue, serving, …): turns the checked Spec into objects. Planners
/// are pure functions of the context; the pipeline emits, sorts and writes what they return.
public protocol Planner {
    static func plan(_ context: RenderContext) -> [KubeObject]
}
