import PlatcFacts
import PlatcSpec

/// Names the LiteLLM objects and documents give each other, and that other families (NetworkPolicies,
/// Argo CD) may need: one place, so a reference and its target cannot drift apart.
enum LiteLLMNames {
    /// The ConfigMap the platform team's proxy Deployment mounts, and the key of the config in it.
    static let configMap = "litellm-config"
    static let configKey = "config.yaml"

    /// The plain copies in out/, outside manifests/ (Argo CD must not apply them).
    static let configFile = "litellm/config.yaml"
    static let teamsFile = "litellm/teams.json"

    /// The reconciler's ConfigMap and Job (an Argo CD PostSync hook), and the keys in the ConfigMap.
    static let reconciler = "litellm-team-reconciler"
    static let teamsKey = "teams.json"
    static let scriptKey = "reconcile.py"

    /// Environment variables the config reads through `os.environ/…` (never a value in out/).
    static let masterKeyVariable = LiteLLMEnvironment.masterKey
    static let databaseURLVariable = LiteLLMEnvironment.databaseURL

    /// A tenant's model access group, which its team's `models` names. Model aliases are lowercase
    /// and never contain ':' (the language's `modelAlias` format), so a group can never collide with
    /// a `model_name`, nor with LiteLLM's special names (`all-proxy-models`, …).
    static func accessGroup(_ tenant: String) -> String { "tenant:\(tenant)" }

    /// Team `models` for a tenant that may call nothing: LiteLLM reads an empty list as "every
    /// model", so the list names LiteLLM's own `no-default-models`, which matches no entry.
    static let noModels = "no-default-models"

    /// `metadata` keys that mark a team as platc's: the reconciler blocks only teams carrying both.
    static let managedByKey = "managed-by"
    static let platformKey = "platform"

    /// The proxy's in-cluster URL: `litellm.service` in the LiteLLM namespace (the platform team
    /// deploys it).
    static func proxyURL(_ platform: Platform) -> String {
        "http://\(platform.litellm.service.name.value).\(platform.namespaces.litellm.value).svc.cluster.local:\(platform.litellm.service.port.value)"
    }
}
