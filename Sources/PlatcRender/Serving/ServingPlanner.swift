/// The per model: vLLM Deployment, Service, PDB, InferencePool, HTTPRoute, ScaledObject.
enum ServingPlanner: Planner {
    static func plan(_ context: RenderContext) -> [KubeObject] { [] }
}
