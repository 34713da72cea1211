import PlatcFacts

/// The LiteLLM family: the edge route to the proxy, the proxy config (ConfigMap and plain YAML),
/// the teams document and the team reconciler (docs/render-litellm.md, docs/request-path.md).
enum LiteLLMPlanner: Planner {
    static var owner: PlanOwner { .litellm }

    static func plan(_ context: RenderContext) -> [KubeObject] {
        [EdgeRoute.object(context), ProxyConfig.configMap(context)] + TeamReconciler.objects(context)
    }

    static func files(_ context: RenderContext) -> [OutputFile] {
        [ProxyConfig.file(context), TeamsDocument.file(context)]
    }
}
