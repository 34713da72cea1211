import PlatcSpec

/// One `model_list` entry: a name tenants call (a model alias, or a LoRA adapter's alias or name)
/// served by one vLLM engine, with the tenants that may call it.
struct LiteLLMEntry {
    let serving: ServingModel
    /// LiteLLM's `model_name`, the name clients send.
    let modelName: String
    /// The name vLLM serves it under: the model's `servedName`, or the adapter's `--lora-modules` name.
    let upstreamName: String
    /// Tenants with access, sorted (ModelAccess).
    let tenants: [String]
    /// This entry's share of the engine's limits (RateLimitShare); nil when the model sets none.
    var rpm: Int64?
    var tpm: Int64?

    /// Stable and unique: model names are DNS labels (no '.'), and every model_name is claimed once
    /// (`ref/duplicate-alias`), so `<model>.<model_name>` can only come from one entry.
    var id: String { "\(serving.name).\(modelName)" }

    /// The model's Service (the serving family's, same name and port) on its OpenAI API.
    var apiBase: String {
        "http://\(serving.serviceName).\(serving.namespace).svc.cluster.local:\(Conventions.vllmPort)/v1"
    }
}

extension LiteLLMEntry {
    /// Every entry: models in name order (those whose GPU class resolves, exactly the ones the
    /// serving family renders), each with its aliases (sorted) and then its adapters in source order.
    static func all(_ context: RenderContext) -> [LiteLLMEntry] {
        ServingModel.all(context).flatMap { serving in
            let model = serving.model
            let modelTenants = ModelAccess.tenants(of: model, context)
            // Aliases are a set (their written order means nothing): sorted.
            var entries = model.aliases.map(\.value).sorted().map {
                LiteLLMEntry(serving: serving, modelName: $0, upstreamName: serving.servedName, tenants: modelTenants)
            }
            for adapter in model.lora?.adapters ?? [] {
                entries.append(
                    LiteLLMEntry(
                        serving: serving, modelName: adapter.alias?.value ?? adapter.name.value, upstreamName: adapter.name.value,
                        tenants: ModelAccess.tenants(of: adapter, on: model, context)))
            }
            return RateLimitShare.apply(model.rateLimits, to: entries)
        }
    }
}

/// A model's `rateLimits` protect its one engine, but LiteLLM counts rpm/tpm per deployment (its
/// `enforce_model_rate_limits` keys the counters by deployment id), and every alias and adapter is
/// its own deployment. So the engine's limit is split evenly over its entries — the remainder to
/// the first ones — and the entries' limits add up to exactly the model's: LiteLLM never sends the
/// engine more than its limit, whatever mix of names clients call.
enum RateLimitShare {
    static func apply(_ limits: RateLimits?, to entries: [LiteLLMEntry]) -> [LiteLLMEntry] {
        guard let limits else { return entries }
        return entries.enumerated().map { index, entry in
            var entry = entry
            entry.rpm = share(limits.rpm.value, among: entries.count, index: index)
            entry.tpm = share(limits.tpm.value, among: entries.count, index: index)
            return entry
        }
    }

    /// Entry `index`'s share of `limit` over `count` entries; at least 1, because a limit of 0
    /// would refuse every call.
    static func share(_ limit: Int64, among count: Int, index: Int) -> Int64 {
        let count = Int64(count)
        return max(1, limit / count + (Int64(index) < limit % count ? 1 : 0))
    }
}
