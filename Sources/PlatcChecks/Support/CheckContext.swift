import PlatcFacts
import PlatcSpec

/// What a check sees: the loaded Spec, the facts derived from it once (fits, pools, the timeout
/// ladder, callable names, lookups by name), the raw text of the sources, and the collector its
/// findings go to.
public struct CheckContext {
    public let facts: Facts
    /// The source text, for checks that look at what the Spec does not keep (comments).
    public let sources: SourceFiles
    public var diagnostics = DiagnosticCollector()

    public init(facts: Facts, sources: SourceFiles = SourceFiles()) {
        self.facts = facts
        self.sources = sources
    }

    public var spec: Spec { facts.spec }
    public func gpuClass(named name: String) -> GPUClass? { facts.gpuClass(named: name) }
    public func tenant(named name: String) -> Tenant? { facts.tenant(named: name) }
    public func model(named name: String) -> Model? { facts.model(named: name) }
    public func offeredModel(named name: String) -> (any OfferedModel)? { facts.offeredModel(named: name) }
}
