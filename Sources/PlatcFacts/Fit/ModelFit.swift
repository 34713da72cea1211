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

    public static func inputs(for model: Model, on gpuClass: GPUClass) throws(Problem) -> FitInputs {
        let architecture: ModelArchitecture
        do {
            architecture = try ModelArchitecture(config: model.config.json)
        } catch {
            throw .unreadableConfig(error)
        }
        let parameters = model.source.parameters?.value
        if architecture.family == nil, parameters == nil { throw .unknownArchitecture(architecture.name) }
        let format: WeightFormat
        do {
            format = try WeightFormat(method: model.serving.quantizationMethod, config: architecture.quantizationConfig)
        } catch {
            throw .unknownQuantization(error.name)
        }
        guard let gpu = visibleGiB(gpuClass) else { throw .unknownGPU(gpuClass.product.value) }
        let serving = model.serving
        return FitInputs(
            architecture: architecture, parameters: parameters, weightFormat: format, visibleGiB: gpu.GiB, gpuFamily: gpu.family,
            utilization: serving.gpuMemoryUtilization.value.value, maxModelLen: Int(serving.maxModelLen.value),
            tensorParallel: Int(serving.tensorParallel.value), maxNumSeqs: Int(serving.maxNumSeqs.value),
            maxNumBatchedTokens: serving.maxNumBatchedTokens.map { Int($0.value) }, kvBytes: serving.kvCacheDtype.value == "fp8" ? 1 : 2,
            engine: serving.engineVersion,
            lora: model.lora.map { FitInputs.LoRA(maxLoras: Int($0.maxLoras.value), maxRank: Int($0.maxRank.value)) })
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

    public init(model: Model, gpuClass: GPUClass) throws(Problem) {
        self.model = model
        self.gpuClass = gpuClass
        inputs = try Self.inputs(for: model, on: gpuClass)
        estimate = FitEstimator.estimate(inputs)
    }
}
