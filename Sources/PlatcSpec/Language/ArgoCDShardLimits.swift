/// The bounds of `argocd.shards` and the divisors of its default rule (docs/render-argocd.md).
public enum ArgoCDShardLimits {
    /// Shard folders carry three digits (`tenants-007`), so no folder name is a prefix of another.
    public static let maximum = 1000
    /// The default: one tenant Application per this many tenants (about 540 objects at 9 each).
    public static let tenantsPerShard = 60
    /// The default: one serving Application per this many served models (about 200–600 objects).
    public static let modelsPerShard = 40
}
