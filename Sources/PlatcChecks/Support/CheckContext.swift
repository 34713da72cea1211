import PlatcFacts
import PlatcSpec

/// What a check sees: the loaded Spec, the raw text of the sources, lookups by name, and the
/// collector its findings go to.
public struct CheckContext {
    public let spec: Spec
    /// The source text, for checks that look at what the Spec does not keep (comments).
    public let sources: SourceFiles
    public var diagnostics = DiagnosticCollector()

    private let gpuClassIndex: [String: Int]
    private let tenantIndex: [String: Int]
    private let modelIndex: [String: Int]

    public init(spec: Spec, sources: SourceFiles = SourceFiles()) {
        self.spec = spec
        self.sources = sources
        gpuClassIndex = Self.index(spec.gpuClasses.map(\.name.value))
        tenantIndex = Self.index(spec.tenants.map(\.name.value))
        modelIndex = Self.index(spec.models.map(\.name.value))
    }

    public func gpuClass(named name: String) -> GPUClass? { gpuClassIndex[name].map { spec.gpuClasses[$0] } }
    public func tenant(named name: String) -> Tenant? { tenantIndex[name].map { spec.tenants[$0] } }
    public func model(named name: String) -> Model? { modelIndex[name].map { spec.models[$0] } }

    /// Names are unique after loading (schema/duplicate-name), so the first index wins harmlessly.
    private static func index(_ names: [String]) -> [String: Int] {
        Dictionary(names.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }
}
