/// The LiteLLM family: the proxy config (ConfigMap and plain YAML), the teams document and the
/// team reconciler (docs/render-litellm.md).
enum LiteLLMPlanner: Planner {
    static func plan(_ context: RenderContext) -> [KubeObject] { [] }
}
