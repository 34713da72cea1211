import PlatcFacts
import PlatcSpec

/// What a planner sees: the Spec (already checked, without errors), lookups by name, each
/// model's GPU-fit estimate, and the labels every object carries.
public struct RenderContext: Sendable {
    public let spec: Spec
    /// Fit per model name; absent only when the estimator could not run (a check error then).
    public let fits: [String: ModelFit]

    /// Each GPU class with the models on it (floors, peaks, surge room), by class name.
    public let pools: [String: GPUPool]

    private let gpuClassIndex: [String: GPUClass]
    private let tenantIndex: [String: Tenant]

    public init(spec: Spec) {
        self.spec = spec
        gpuClassIndex = Dictionary(spec.gpuClasses.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        tenantIndex = Dictionary(spec.tenants.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        let classes = gpuClassIndex
        let estimates = Parallel.map(spec.models) { model in
            classes[model.serving.gpuClass.value].flatMap { try? ModelFit(model: model, gpuClass: $0) }
        }
        var fits: [String: ModelFit] = [:]
        for (model, fit) in zip(spec.models, estimates) where fit != nil { fits[model.name.value] = fit }
        self.fits = fits
        pools = Dictionary(GPUPool.pools(of: spec).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var platform: Platform { spec.platform }
    public func gpuClass(named name: String) -> GPUClass? { gpuClassIndex[name] }
    public func tenant(named name: String) -> Tenant? { tenantIndex[name] }

    /// The platform file's path, a source of every object.
    public var platformSource: String { spec.platform.span.start.file }

    /// Labels on every rendered object: who manages it and which platform it belongs to.
    public var commonLabels: [(String, String)] {
        [("app.kubernetes.io/managed-by", "platc"), ("app.kubernetes.io/part-of", spec.platform.name.value)]
    }
}
