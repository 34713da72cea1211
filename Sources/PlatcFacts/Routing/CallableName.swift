import PlatcSpec

/// A name tenants call through LiteLLM: per model one per alias (sorted: aliases are a set) and one
/// per LoRA adapter (source order). Each is its own LiteLLM deployment, so the renderer writes one
/// `model_list` entry per name, and `quota/rate-limit` counts what a tenant can reach by them.
public struct CallableName: Sendable {
    /// LiteLLM's `model_name`: an alias, or an adapter's alias or name.
    public let name: String
    /// What vLLM serves it as: the model's `servedName`, or the adapter's `--lora-modules` name;
    /// for a hosted model, the provider's model id.
    public let upstreamName: String
    /// The LoRA adapter's name when this name calls an adapter, nil for a model alias.
    public let adapter: String?
    /// Tenants with access, sorted (docs/checks-ref.md): the tenant lists the model and the model
    /// lists the tenant; for an adapter, the adapter lists it too.
    public let tenants: [String]
    /// This name's share of the model's `rateLimits`; nil when the model sets none.
    public let rpm: Int64?
    public let tpm: Int64?

    /// Every name of `model`, with its tenants and its share of the model's limits.
    /// `tenantLists(t)`: tenant `t` exists and lists this model (both sides of the grant).
    static func all(of model: Model, tenantLists: (String) -> Bool) -> [CallableName] {
        all(of: model, upstreamName: model.servedName.value, adapters: model.lora?.adapters ?? [], tenantLists: tenantLists)
    }

    /// A hosted model's names: its aliases, each calling the provider's model.
    static func all(of model: HostedModel, tenantLists: (String) -> Bool) -> [CallableName] {
        all(of: model, upstreamName: model.provider.model.value, adapters: [], tenantLists: tenantLists)
    }

    private static func all(
        of model: any OfferedModel, upstreamName: String, adapters: [Model.LoRA.Adapter], tenantLists: (String) -> Bool
    ) -> [CallableName] {
        let base = Set(model.tenants.map(\.value)).filter(tenantLists)
        var names = model.aliases.map(\.value).sorted().map {
            (name: $0, upstream: upstreamName, adapter: String?.none, tenants: base)
        }
        for adapter in adapters {
            // An adapter runs in its base model's engine: its tenants must reach the model too.
            let tenants = Set(adapter.tenants.map(\.value)).intersection(base)
            names.append((adapter.alias?.value ?? adapter.name.value, adapter.name.value, adapter.name.value, tenants))
        }
        return names.enumerated().map { index, entry in
            CallableName(
                name: entry.name, upstreamName: entry.upstream, adapter: entry.adapter, tenants: entry.tenants.sorted(),
                rpm: model.rateLimits.map { share($0.rpm.value, among: names.count, index: index) },
                tpm: model.rateLimits.map { share($0.tpm.value, among: names.count, index: index) })
        }
    }

    /// A model's `rateLimits` protect its one engine, but LiteLLM counts rpm/tpm per deployment
    /// (`enforce_model_rate_limits` keys its counters by deployment id). So the limit is split
    /// evenly over the model's names, the remainder to the first ones, and the shares add up to
    /// exactly the model's limit whatever mix of names clients call. Never below 1: a limit of 0
    /// would refuse every call.
    public static func share(_ limit: Int64, among count: Int, index: Int) -> Int64 {
        let count = Int64(count)
        return max(1, limit / count + (Int64(index) < limit % count ? 1 : 0))
    }
}
