/// The LiteLLM family: the proxy config (ConfigMap and plain YAML), the teams document and the
/// team reconciler (docs/render-litellm.md).
enum LiteLLMPlanner: Planner {
    static func plan(_ context: RenderContext) -> [KubeObject] {
        [ProxyConfig.configMap(context)] + TeamReconciler.objects(context)
    }

    static func files(_ context: RenderContext) -> [OutputFile] {
        [ProxyConfig.file(context), TeamsDocument.file(context)]
    }
}
