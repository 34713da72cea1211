import PlatcChecks
import PlatcSpec

/// What a planner sees: the Spec (already checked, without errors), lookups by name, each
/// model's GPU-fit estimate, and the labels every object carries.
public struct RenderContext: Sendable {
    public let spec: Spec
    /// Fit per model name; absent only when the estimator could not run (a check error then).
    public let fits: [String: ModelFit]

    private let gpuClassIndex: [String: GPUClass]
    private let tenantIndex: [String: Tenant]

    public init(spec: Spec) {
        self.spec = spec
        gpuClassIndex = Dictionary(spec.gpuClasses.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        tenantIndex = Dictionary(spec.tenants.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        var fits: [String: ModelFit] = [:]
        for model in spec.models {
            guard let gpuClass = gpuClassIndex[model.serving.gpuClass.value],
                let fit = try? ModelFit(model: model, gpuClass: gpuClass)
            else { continue }
            fits[model.name.value] = fit
        }
        self.fits = fits
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
