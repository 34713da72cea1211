import PlatcFacts

/// The serving family: the serving namespace, its PriorityClass and NetworkPolicy, then per model
/// the vLLM Deployment, Service, PodDisruptionBudget, PodMonitor and, when it autoscales, a KEDA
/// ScaledObject (docs/render-serving.md). No route reaches a model: LiteLLM calls its Service
/// (docs/request-path.md).
enum ServingPlanner: Planner {
    static func plan(_ context: RenderContext) -> [KubeObject] { units(context).flatMap { $0.plan() } }

    static func units(_ context: RenderContext) -> [PlanUnit] {
        let shared = PlanUnit(.shared) {
            [ServingNamespace.object(context), ServingPriorityClass.object(context), ServingNetworkPolicy.object(context)]
        }
        return [shared] + ServingModel.all(context).map { serving in PlanUnit(.model(serving.name)) { objects(serving) } }
    }

    static func objects(_ serving: ServingModel) -> [KubeObject] {
        [
            VLLMDeployment.object(serving), ServingService.object(serving), ServingDisruptionBudget.object(serving),
            ServingPodMonitor.object(serving),
        ] + [ServingScaledObject.object(serving)].compactMap { $0 }
    }
}
