import PlatcSpec

/// One hosted model's derived facts: the names tenants call it by, and the variable of LiteLLM's
/// environment that holds its provider key. A class for the same reason as `Facts`.
public final class HostedModelFacts: Sendable {
    public let model: HostedModel
    /// The names tenants call it by, with their tenants and rate-limit shares.
    public let callableNames: [CallableName]
    /// `os.environ/<keyVariable>` in its LiteLLM entries (`LiteLLMEnvironment.providerKey`).
    public let keyVariable: String

    init(_ model: HostedModel, tenantLists: (String) -> Bool) {
        self.model = model
        callableNames = CallableName.all(of: model, tenantLists: tenantLists)
        keyVariable = LiteLLMEnvironment.providerKey(model.provider.apiKeyRef)
    }
}
