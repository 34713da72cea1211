import PlatcFacts
import PlatcSpec

/// The vLLM container's environment: platc's own (PodSecurity's writable paths and offline
/// switches, VLLMAPIKey's key), then the model's `serving.env` in written order. None repeats one
/// of platc's (engine/reserved-variable), so the order decides nothing but what a `$(VAR)` in a
/// model's value may refer to: platc's variables and the model's earlier ones.
enum VLLMEnvironment {
    static func of(_ serving: ServingModel) -> [YAMLValue] {
        PodSecurity.environment + VLLMAPIKey.environment(serving.context.platform) + serving.model.serving.env.map(variable)
    }

    /// A variable read from a key of a Secret: a reference, the value never enters out/. A missing
    /// Secret or key keeps the pod from starting (CreateContainerConfigError).
    static func variable(_ name: String, secret ref: Platform.SecretKeyRef) -> YAMLValue {
        ["name": .string(name), "valueFrom": ["secretKeyRef": ["name": .string(ref.name.value), "key": .string(ref.key.value)]]]
    }

    static func variable(_ variable: Model.Serving.EnvVariable) -> YAMLValue {
        if let ref = variable.secretKeyRef { return Self.variable(variable.name.value, secret: ref) }
        return ["name": .string(variable.name.value), "value": .string(variable.value?.value ?? "")]
    }

    /// Whether the model reads a Secret through its own env (the Deployment's checkov skip says so).
    static func readsSecrets(_ model: Model) -> Bool { model.serving.env.contains { $0.secretKeyRef != nil } }
}
