/// One output family (tenants, Kueue, serving, …): turns the checked Spec into objects, and into
/// files that are not Kubernetes objects (the LiteLLM config for review, the teams document).
/// Planners are pure functions of the context; the pipeline emits, sorts and writes what they return.
public protocol Planner: Sendable {
    static func plan(_ context: RenderContext) -> [KubeObject]
    /// The family's objects in independent pieces (one per tenant, one per model, …) whose
    /// concatenation is `plan`. The pipeline plans, emits and drops each piece on any core, so a
    /// platform of thousands of tenants never holds all its object trees at once.
    static func units(_ context: RenderContext) -> [PlanUnit]
    static func files(_ context: RenderContext) -> [OutputFile]
}

/// A piece of a family's plan that depends on the context alone.
public typealias PlanUnit = @Sendable () -> [KubeObject]

extension Planner {
    public static func units(_ context: RenderContext) -> [PlanUnit] { [{ plan(context) }] }
    public static func files(_ context: RenderContext) -> [OutputFile] { [] }
}
