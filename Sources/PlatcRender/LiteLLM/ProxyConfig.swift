import PlatcSpec

/// The LiteLLM proxy config: one document, shipped twice with the same bytes — as
/// `out/litellm/config.yaml` (for review and for LiteLLM's own check) and as the ConfigMap
/// `litellm-config` that the platform team's proxy Deployment mounts.
enum ProxyConfig {
    static func document(_ context: RenderContext) -> YAMLValue {
        [
            "model_list": ModelList.value(LiteLLMEntry.all(context), context),
            "router_settings": ProxySettings.router(context.platform),
            "litellm_settings": ProxySettings.litellm(context.platform),
            "general_settings": ProxySettings.general,
        ]
    }

    /// The platform (timeouts, litellm block), every model (entries, prices) and every tenant
    /// (access groups need both sides of access).
    static func sources(_ context: RenderContext) -> [String] {
        [context.platformSource] + context.facts.offeredModels.map(\.span.start.file) + context.spec.tenants.map(\.span.start.file)
    }

    static func file(_ context: RenderContext) -> OutputFile {
        OutputFile(path: LiteLLMNames.configFile, sources: sources(context), contents: .yaml(document(context)))
    }

    /// The ConfigMap holds exactly the bytes of out/litellm/config.yaml, header included, so the
    /// mounted file says where it comes from.
    static func configMap(_ context: RenderContext) -> KubeObject {
        let artifact = file(context).artifact()
        return KubeObject(
            "v1", "ConfigMap", name: LiteLLMNames.configMap, namespace: context.platform.namespaces.litellm.value,
            labels: context.commonLabels + [(Conventions.nameLabel, "litellm"), (Conventions.componentLabel, "config")],
            body: ["data": [LiteLLMNames.configKey: .string(String(decoding: artifact.bytes, as: UTF8.self))]],
            sources: sources(context))
    }
}
