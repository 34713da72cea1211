import PlatcFacts
import PlatcSpec

/// One model as every serving object sees it: the names, labels and numbers that several objects
/// must agree on, computed once so they cannot drift (Deployment ↔ Service ↔ PodMonitor ↔ KEDA ↔ LiteLLM).
struct ServingModel: Sendable {
    /// The model's facts: its fit, pod size, replica plan and callable names.
    let facts: ModelFacts
    let gpuClass: GPUClass
    let context: RenderContext

    /// nil when the model's GPU class does not resolve (`platc check` reports it; skip, never crash).
    init?(_ facts: ModelFacts, _ context: RenderContext) {
        guard let gpuClass = facts.gpuClass else { return nil }
        self.facts = facts
        self.gpuClass = gpuClass
        self.context = context
    }

    var model: Model { facts.model }

    var name: String { model.name.value }
    var namespace: String { context.platform.namespaces.serving.value }
    var servedName: String { model.servedName.value }
    var tensorParallel: Int64 { model.serving.tensorParallel.value }
    var fit: ModelFit? { facts.fit }

    /// Every Deployment, Service, … of the model has the model's name.
    var deploymentName: String { name }
    var serviceName: String { name }

    /// Labels that identify this model's pods, and nothing else: the Deployment, Service and
    /// PodMonitor all select with exactly these.
    var selector: [(String, String)] { PodSelectors.vllm(name) }

    /// Labels on every object of the model: the selector, attribution (model, owner, cost
    /// center = owner: serving is shared, the model's owner pays), GPU class, common labels.
    var labels: [(String, String)] {
        selector + attribution + [(Conventions.gpuClassLabel, gpuClass.name.value)] + context.commonLabels
    }

    /// Who a model's objects are for and who pays (cost center = owner): on its vLLM objects and
    /// on its endpoint picker's alike.
    var attribution: [(String, String)] {
        [
            (Conventions.modelLabel, name), (Conventions.ownerLabel, model.owner.value),
            (Conventions.costCenterLabel, model.owner.value),
        ]
    }

    /// The files the model's objects come from: the model, its config.json (fit numbers), its
    /// GPU class (scheduling, rollout) and the platform (namespaces, gateway, timeouts).
    var sources: [String] {
        [model.span.start.file, model.config.path, gpuClass.span.start.file, context.platformSource]
    }

    /// Parked, fixed, KEDA or by hand: derived once for every object that depends on it.
    var replicas: ReplicaPlan { facts.replicas }

    func object(
        _ apiVersion: String, _ kind: String, name: String? = nil, annotations: [(String, String)] = [], body: YAMLMap
    ) -> KubeObject {
        KubeObject(
            apiVersion, kind, name: name ?? self.name, namespace: namespace, labels: labels, annotations: annotations, body: body,
            sources: sources)
    }
}

extension ServingModel {
    /// Every model whose GPU class resolves, in name order (the pipeline sorts files anyway; this
    /// keeps tests stable).
    static func all(_ context: RenderContext) -> [ServingModel] {
        context.facts.allModels.compactMap { ServingModel($0, context) }.sorted { $0.name < $1.name }
    }
}
