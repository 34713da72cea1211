import PlatcSpec

/// A model's estimate on its GPU class, or why there is none: the bridge from the Spec to the
/// estimator, shared by `platc check` (fit/*) and `platc fit`.
public struct ModelFit: Sendable {
    public var model: Model
    public var gpuClass: GPUClass
    public var inputs: FitInputs
    public var estimate: FitEstimate

    public enum Problem: Error, Sendable {
        /// The config lacks keys, or platc cannot count this architecture without `source.parameters`.
        case unreadableConfig(ModelArchitecture.Unreadable)
        case unknownArchitecture(String)
        case unknownQuantization(String)
        /// Neither the product table nor the class says how much memory CUDA sees.
        case unknownGPU(String)
    }

    /// Memory CUDA reports per GPU of `gpuClass`: its `visibleMemory`, else the product table.
    public static func visibleGiB(_ gpuClass: GPUClass) -> (GiB: Double, family: String?)? {
        let product = GPUProduct.find(gpuClass.product.value, labelGiB: gpuClass.memory.value.gibibytes)
        if let visible = gpuClass.visibleMemory { return (visible.value.gibibytes, product?.family) }
        return product.map { ($0.visibleGiB, $0.family) }
    }

    /// The inputs from an architecture already read (`Facts` reads each config.json once).
    static func inputs(
        for model: Model, on gpuClass: GPUClass, architecture read: Result<ModelArchitecture, ModelArchitecture.Unreadable>
    ) throws(Problem) -> FitInputs {
        let architecture: ModelArchitecture
        switch read {
        case .success(let value): architecture = value
        case .failure(let error): throw .unreadableConfig(error)
        }
        let request = FitRequest(model)
        let format = try request.weightFormat(architecture)
        guard let gpu = visibleGiB(gpuClass) else { throw .unknownGPU(gpuClass.product.value) }
        return request.inputs(architecture, format, visibleGiB: gpu.GiB, gpuFamily: gpu.family)
    }

    /// The other classes among `classes` where the model, served the same way, would fit too.
    public func alsoFits(on classes: [GPUClass]) -> [GPUClass] {
        classes.filter { other in
            guard other.name.value != gpuClass.name.value, let gpu = Self.visibleGiB(other),
                inputs.tensorParallel <= other.gpusPerNode.value
            else { return false }
            var moved = inputs
            moved.visibleGiB = gpu.GiB
            moved.gpuFamily = gpu.family
            return FitEstimator.fits(moved)
        }
    }

    init(model: Model, gpuClass: GPUClass, architecture: Result<ModelArchitecture, ModelArchitecture.Unreadable>) throws(Problem) {
        self.model = model
        self.gpuClass = gpuClass
        inputs = try Self.inputs(for: model, on: gpuClass, architecture: architecture)
        estimate = FitEstimator.estimate(inputs)
    }
}
