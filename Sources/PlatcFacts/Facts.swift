import PlatcSpec

/// What platc derives from a loaded Spec, once, before anything reads it: each model's GPU fit,
/// pod size, replica plan and callable names, each GPU class's pool, the timeout ladder, and
/// lookups by name. The checks, the planners, the catalog, `platc fit` and `platc diff` all read
/// this value; none of them estimates, sums or splits again (docs/architecture.md, "Facts").
///
/// Built from any Spec the loader returns, references resolved or not: what does not resolve
/// (a model's unknown GPU class, a tenant nobody defines) is simply absent here, and `ref/*`
/// reports it. A class, immutable: every planner unit and check holds it, and a reference is one
/// retain where a copy of the value was one per field.
public final class Facts: Sendable {
    public let spec: Spec
    /// One pool per GPU class, in name order.
    public let pools: [GPUPool]
    public let ladder: TimeoutLadder
    /// The inference Gateway's names and address; nil in direct mode.
    public let inferenceRouting: InferenceRouting?
    /// Which Argo CD Application each tenant's and model's objects go to.
    public let applications: ApplicationLayout

    private let modelIndex: [String: Int]
    private let models: [ModelFacts]
    /// Every hosted model's facts, in the Spec's order (by name).
    public let hostedModels: [HostedModelFacts]
    private let hostedIndex: [String: Int]
    /// Every model tenants can call, served then hosted (each by name), by reference
    /// (OfferedModelFacts.swift).
    public let offeredModels: [any OfferedModel]
    private let gpuClassIndex: [String: Int]
    private let tenantIndex: [String: Int]
    private let poolIndex: [String: Int]

    public init(_ spec: Spec) {
        self.spec = spec
        gpuClassIndex = Self.index(spec.gpuClasses.map(\.name.value))
        tenantIndex = Self.index(spec.tenants.map(\.name.value))
        modelIndex = Self.index(spec.models.map(\.name.value))
        // Which models each tenant lists, as a set: callable names ask it once per grant.
        var listed: [String: Set<String>] = [:]
        for tenant in spec.tenants { listed[tenant.name.value, default: []].formUnion(tenant.models.map(\.value)) }
        let (classes, classIndex, lists) = (spec.gpuClasses, gpuClassIndex, listed)
        models = Parallel.map(spec.models) { model in
            ModelFacts(
                model, gpuClass: classIndex[model.serving.gpuClass.value].map { classes[$0] },
                tenantLists: { tenant in lists[tenant]?.contains(model.name.value) ?? false })
        }
        hostedModels = spec.hostedModels.map { model in
            HostedModelFacts(model, tenantLists: { tenant in lists[tenant]?.contains(model.name.value) ?? false })
        }
        hostedIndex = Self.index(spec.hostedModels.map(\.name.value))
        offeredModels = models + hostedModels as [any OfferedModel]
        pools = GPUPool.pools(of: spec)
        poolIndex = Self.index(pools.map(\.name))
        ladder = TimeoutLadder(spec.platform)
        inferenceRouting = InferenceRouting(spec.platform)
        applications = ApplicationLayout(spec)
    }

    public func gpuClass(named name: String) -> GPUClass? { gpuClassIndex[name].map { spec.gpuClasses[$0] } }
    public func tenant(named name: String) -> Tenant? { tenantIndex[name].map { spec.tenants[$0] } }
    public func model(named name: String) -> Model? { modelIndex[name].map { spec.models[$0] } }
    public func pool(named name: String) -> GPUPool? { poolIndex[name].map { pools[$0] } }
    public func hosted(named name: String) -> HostedModelFacts? { hostedIndex[name].map { hostedModels[$0] } }
    /// The served or hosted model of that name (names are unique across both: schema/duplicate-name).
    public func offeredModel(named name: String) -> (any OfferedModel)? {
        modelIndex[name].map { models[$0] } ?? hostedIndex[name].map { hostedModels[$0] }
    }
    /// Every name of every served model, then of every hosted one.
    public var everyCallableName: [CallableName] {
        models.flatMap(\.callableNames) + hostedModels.flatMap(\.callableNames)
    }

    /// The names tenants call a served or hosted model by.
    public func callableNames(of name: String) -> [CallableName]? { of(model: name)?.callableNames ?? hosted(named: name)?.callableNames }

    /// The facts of `model` (by name), or of a model this Spec does not have: nil.
    public func of(_ model: Model) -> ModelFacts? { of(model: model.name.value) }
    public func of(model name: String) -> ModelFacts? { modelIndex[name].map { models[$0] } }

    /// Every model's facts, in the Spec's order (by name).
    public var allModels: [ModelFacts] { models }

    /// The models behind an InferencePool: none in direct mode, every model not parked in
    /// inference-gateway mode.
    public var pooledModels: [ModelFacts] { inferenceRouting == nil ? [] : models.filter(InferenceRouting.isPooled) }

    /// Convenience: the model's fit when platc could size it.
    public func fit(of model: Model) -> ModelFit? { of(model)?.fit }

    /// Names are unique after loading (schema/duplicate-name), so the first index wins harmlessly.
    private static func index(_ names: [String]) -> [String: Int] {
        Dictionary(names.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }
}

/// One model's derived facts; a class for the same reason as `Facts`.
public final class ModelFacts: Sendable {
    public let model: Model
    /// Its GPU class; nil when the name does not resolve (`ref/unknown-gpu-class`).
    public let gpuClass: GPUClass?
    /// config.json read as an architecture, or why it could not be.
    public let architecture: Result<ModelArchitecture, ModelArchitecture.Unreadable>
    /// The estimate on its class, or why there is none; nil when the class does not resolve.
    public let sizing: Result<ModelFit, ModelFit.Problem>?
    public let replicas: ReplicaPlan
    /// CPU and memory of one replica: `serving.resources` where written, else derived from the fit.
    public let pod: PodResources
    /// The names tenants call it by, with their tenants and rate-limit shares.
    public let callableNames: [CallableName]

    init(_ model: Model, gpuClass: GPUClass?, tenantLists: (String) -> Bool) {
        self.model = model
        self.gpuClass = gpuClass
        let architecture = Result { () throws(ModelArchitecture.Unreadable) in try ModelArchitecture(config: model.config.json) }
        self.architecture = architecture
        sizing = gpuClass.map { gpuClass in
            Result { () throws(ModelFit.Problem) in try ModelFit(model: model, gpuClass: gpuClass, architecture: architecture) }
        }
        replicas = ReplicaPlan(model.serving)
        pod = PodResources.of(model, fit: try? sizing?.get())
        callableNames = CallableName.all(of: model, tenantLists: tenantLists)
    }

    public var fit: ModelFit? { try? sizing?.get() }
}
