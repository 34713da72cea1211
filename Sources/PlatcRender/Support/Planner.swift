import PlatcFacts

/// One output family (tenants, Kueue, serving, …): turns the checked Spec into objects, and into
/// files that are not Kubernetes objects (the LiteLLM config for review, the teams document).
/// Planners are pure functions of the context; the pipeline emits, sorts and writes what they return.
public protocol Planner: Sendable {
    /// Whose objects `plan` returns when the family is one unit: the platform's shared ones, by default.
    static var owner: PlanOwner { get }
    static func plan(_ context: RenderContext) -> [KubeObject]
    /// The family's objects in independent pieces (one per tenant, one per model, …) whose
    /// concatenation is `plan`. The pipeline plans, emits and drops each piece on any core, so a
    /// platform of thousands of tenants never holds all its object trees at once.
    static func units(_ context: RenderContext) -> [PlanUnit]
    static func files(_ context: RenderContext) -> [OutputFile]
}

/// A piece of a family's plan that depends on the context alone, and whose objects it makes: a
/// tenant's, a model's, LiteLLM's or the platform's shared ones. The owner picks the Argo CD
/// Application (ApplicationLayout), so a unit never mixes owners.
public struct PlanUnit: Sendable {
    public var owner: PlanOwner
    public var plan: @Sendable () -> [KubeObject]

    public init(_ owner: PlanOwner, _ plan: @escaping @Sendable () -> [KubeObject]) {
        self.owner = owner
        self.plan = plan
    }
}

extension Planner {
    public static var owner: PlanOwner { .shared }
    public static func units(_ context: RenderContext) -> [PlanUnit] { [PlanUnit(owner) { plan(context) }] }
    public static func files(_ context: RenderContext) -> [OutputFile] { [] }
}
