/// The whole platform after loading: typed, validated, every value with its source span.
/// Collections are sorted by name so that everything built from a Spec is deterministic.
public struct Spec: Sendable {
    public var platform: Platform
    public var gpuClasses: [GPUClass]
    public var tenants: [Tenant]
    /// The models vLLM serves in the cluster.
    public var models: [Model]
    /// The models external providers host (`provider`), which LiteLLM calls directly.
    public var hostedModels: [HostedModel]
    /// What the Spec was loaded from, as one hash.
    public var sourceDigest: SourceDigest

    public init(
        platform: Platform, gpuClasses: [GPUClass], tenants: [Tenant], models: [Model], hostedModels: [HostedModel] = [],
        sourceDigest: SourceDigest
    ) {
        self.platform = platform
        self.sourceDigest = sourceDigest
        self.gpuClasses = gpuClasses.sorted { $0.name.value < $1.name.value }
        self.tenants = tenants.sorted { $0.name.value < $1.name.value }
        self.models = models.sorted { $0.name.value < $1.name.value }
        self.hostedModels = hostedModels.sorted { $0.name.value < $1.name.value }
    }
}

/// What loading produced: the Spec when the sources are free of errors, every diagnostic, and
/// the text of the files for rendering those diagnostics.
public struct LoadResult: Sendable {
    public var spec: Spec?
    public var diagnostics: [Diagnostic]
    public var sources: SourceFiles
}
