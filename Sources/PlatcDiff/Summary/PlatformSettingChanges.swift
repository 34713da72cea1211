import PlatcChecks
import PlatcFacts
import PlatcSpec

/// Platform-wide facts a reviewer must not miss: GPU classes added or removed, the Kubernetes
/// version rendered for, whether admission policy audits or enforces, and the request path's
/// ends: the host clients call, LiteLLM's Service, how LiteLLM reaches the models, the Secret key
/// vLLM requires.
enum PlatformSettingChanges {
    static func compare(_ pair: SpecPair, into list: inout ChangeList) {
        for gpuClass in pair.gpuClasses.added {
            let name = gpuClass.name.value, figure = description(pair.headFacts.pool(named: name))
            list.append(.platform, name, "added", before: nil, after: figure, text: "GPU class \(name) added (\(figure))")
        }
        for gpuClass in pair.gpuClasses.removed {
            let name = gpuClass.name.value, figure = description(pair.baseFacts.pool(named: name))
            list.append(.platform, name, "removed", before: figure, after: nil, text: "GPU class \(name) removed (was \(figure))")
        }
        let old = pair.base.platform, new = pair.head.platform
        list.compare(
            .platform, "platform", "kubernetes version", "Kubernetes version", old.kubernetesVersion.value, new.kubernetesVersion.value)
        list.compare(
            .platform, "platform", "policy mode", "Admission policy mode", old.policy.mode.value.rawValue, new.policy.mode.value.rawValue)
        list.compare(
            .requestPath, "platform", "gateway", "Gateway clients call", gateway(old), gateway(new))
        list.compare(
            .requestPath, "platform", "litellm service", "LiteLLM's Service (the edge route's backend)", service(old), service(new))
        list.compare(
            .requestPath, "platform", "routing", "How LiteLLM reaches the models", routing(pair.baseFacts), routing(pair.headFacts))
        list.compare(
            .requestPath, "platform", "vllm api key", "Secret key vLLM requires (in the serving namespace)",
            secretKey(old.serving.apiKeyRef), secretKey(new.serving.apiKeyRef))
        list.compare(
            .requestPath, "platform", "vllm previous api key", "Old Secret key vLLM still accepts (key rotation)",
            old.serving.previousApiKeyRef.map(secretKey), new.serving.previousApiKeyRef.map(secretKey))
    }

    /// "llm-gateway/llm-gateway on llm.example.com".
    private static func gateway(_ platform: Platform) -> String {
        "\(platform.namespaces.gateway.value)/\(platform.gateway.name.value) on \(platform.gateway.hostname.value)"
    }

    /// "litellm/litellm:4000".
    private static func service(_ platform: Platform) -> String {
        let service = platform.litellm.service
        return "\(platform.namespaces.litellm.value)/\(service.name.value):\(service.port.value)"
    }

    /// "direct: each model's Service", or "inference Gateway llm-inference-gateway/inference-gateway
    /// (class agentgateway) at http://…/<model>/v1, an InferencePool and endpoint picker per model".
    private static func routing(_ facts: Facts) -> String {
        guard let routing = facts.inferenceRouting else { return "direct: each model's Service" }
        return
            "inference Gateway \(routing.namespace)/\(routing.gatewayName) (class \(routing.className)) at \(routing.apiBase(model: "<model>")), "
            + "an InferencePool and endpoint picker per model"
    }

    /// "vllm-api-key/VLLM_API_KEY": the reference, never a value.
    private static func secretKey(_ ref: Platform.SecretKeyRef) -> String { "\(ref.name.value)/\(ref.key.value)" }

    /// "16 × NVIDIA-H100-80GB-HBM3": the GPUs the class advertises and what they are.
    private static func description(_ pool: GPUPool?) -> String {
        guard let pool else { return "" }
        return "\(pool.capacity) × \(pool.gpuClass.product.value)"
    }
}
