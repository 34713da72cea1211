import PlatcFacts
import PlatcSpec

/// One `model_list` entry: a name tenants call (`CallableName`: a model alias, or a LoRA adapter's
/// alias or name) served by one vLLM engine, with the tenants that may call it and its share of
/// the engine's rate limits.
struct LiteLLMEntry {
    let serving: ServingModel
    let callable: CallableName

    /// LiteLLM's `model_name`, the name clients send.
    var modelName: String { callable.name }
    /// The name vLLM serves it under: the model's `servedName`, or the adapter's `--lora-modules` name.
    var upstreamName: String { callable.upstreamName }
    /// Tenants with access, sorted.
    var tenants: [String] { callable.tenants }
    var rpm: Int64? { callable.rpm }
    var tpm: Int64? { callable.tpm }

    /// Stable and unique: model names are DNS labels (no '.'), and every model_name is claimed once
    /// (`ref/duplicate-alias`), so `<model>.<model_name>` can only come from one entry.
    var id: String { "\(serving.name).\(modelName)" }

    /// Direct mode: the model's Service (the serving family's, same name and port) on its OpenAI
    /// API. Inference-gateway mode: the inference Gateway's Service under the model's path, which
    /// its HTTPRoute matches (an adapter's entry: its base model's, whose pods serve it).
    var apiBase: String {
        serving.context.facts.inferenceRouting?.apiBase(model: serving.name)
            ?? "http://\(serving.serviceName).\(serving.namespace).svc.cluster.local:\(Conventions.vllmPort)/v1"
    }
}

extension LiteLLMEntry {
    /// Every entry: models in name order (those whose GPU class resolves, exactly the ones the
    /// serving family renders), each with its names in `CallableName` order.
    static func all(_ context: RenderContext) -> [LiteLLMEntry] {
        ServingModel.all(context).flatMap { serving in
            serving.facts.callableNames.map {
                LiteLLMEntry(serving: serving, callable: $0)
            }
        }
    }
}

/// One `model_list` entry of a hosted model: one of its names, called at its provider.
struct HostedEntry {
    let hosted: HostedModelFacts
    let callable: CallableName

    /// Unique as `LiteLLMEntry.id` is: model names are unique across served and hosted models.
    var id: String { "\(hosted.model.name.value).\(callable.name)" }

    /// Hosted models in name order, each with its names in `CallableName` order.
    static func all(_ facts: Facts) -> [HostedEntry] {
        facts.hostedModels.flatMap { hosted in hosted.callableNames.map { HostedEntry(hosted: hosted, callable: $0) } }
    }
}
