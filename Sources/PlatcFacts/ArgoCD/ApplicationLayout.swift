import PlatcSpec

/// Which Argo CD Application syncs each rendered object (docs/render-argocd.md): the foundation
/// (cluster-wide and shared objects), the LiteLLM pieces, and K tenant and K' serving shards.
/// Every object of one tenant, or of one model, travels together: the shard is a jump hash of
/// the tenant's or model's name, so adding one moves no other and raising K moves about 1/(K+1).
public struct ApplicationLayout: Sendable {
    public let tenantShards: Int
    public let servingShards: Int

    public init(_ spec: Spec) {
        let shards = spec.platform.argocd.shards
        tenantShards =
            shards.tenants.map { Int($0.value) } ?? Self.defaultShards(spec.tenants.count, per: ArgoCDShardLimits.tenantsPerShard)
        servingShards = shards.serving.map { Int($0.value) } ?? Self.defaultShards(spec.models.count, per: ArgoCDShardLimits.modelsPerShard)
    }

    /// The default rule: one shard per `per` units, at least one.
    public static func defaultShards(_ units: Int, per: Int) -> Int { max(1, (units + per - 1) / per) }

    public func part(of owner: PlanOwner) -> ApplicationPart { part(of: owner, tenantShards: tenantShards, servingShards: servingShards) }

    /// The part `owner` would have with other shard counts (the size rule's proposals).
    public func part(of owner: PlanOwner, tenantShards: Int, servingShards: Int) -> ApplicationPart {
        switch owner {
        case .shared: .foundation
        case .litellm: .litellm
        case .tenant(let name): .tenants(JumpHash.bucket(of: name, buckets: tenantShards))
        case .model(let name): .serving(JumpHash.bucket(of: name, buckets: servingShards))
        }
    }
}

/// What a planned object belongs to: shared by the platform, the LiteLLM proxy's, one tenant's
/// or one served model's.
public enum PlanOwner: Hashable, Sendable {
    case shared
    case litellm
    case tenant(String)
    case model(String)
}

/// One Application of the layout; its folder under manifests/ is its source.
public enum ApplicationPart: Hashable, Comparable, Sendable {
    case foundation
    case tenants(Int)
    case serving(Int)
    case litellm

    /// `foundation`, `tenants-007`, `serving-000`, `litellm`: three digits for every shard count
    /// up to ArgoCDShardLimits.maximum, so no folder is a prefix of another, even as text.
    public var folder: String {
        switch self {
        case .foundation: "foundation"
        case .tenants(let shard): "tenants-" + Self.number(shard)
        case .serving(let shard): "serving-" + Self.number(shard)
        case .litellm: "litellm"
        }
    }

    static func number(_ shard: Int) -> String {
        let digits = String(shard)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}
