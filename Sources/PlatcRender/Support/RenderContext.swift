import PlatcFacts
import PlatcSpec

/// What a planner sees: the facts derived once from the checked Spec (fits, pools, replica plans,
/// callable names, lookups by name) and the labels every object carries. Planners read numbers
/// from here and never derive them again.
public struct RenderContext: Sendable {
    public let facts: Facts

    public init(facts: Facts) { self.facts = facts }

    public var spec: Spec { facts.spec }
    public var platform: Platform { spec.platform }
    public func gpuClass(named name: String) -> GPUClass? { facts.gpuClass(named: name) }
    public func tenant(named name: String) -> Tenant? { facts.tenant(named: name) }

    /// The platform file's path, a source of every object.
    public var platformSource: String { spec.platform.span.start.file }

    /// Labels on every rendered object: who manages it and which platform it belongs to.
    public var commonLabels: [(String, String)] {
        [(Conventions.managedByLabel, "platc"), (Conventions.partOfLabel, spec.platform.name.value)]
    }
}
