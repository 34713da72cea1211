import PlatcFacts

/// The routing family, in inference-gateway mode only (docs/request-path.md): the inference
/// Gateway, its namespace and NetworkPolicy, the pickers' shared identity, config, monitoring and
/// NetworkPolicy, then per pooled model its InferencePool, HTTPRoute and endpoint picker
/// (Deployment, Service, PodDisruptionBudget, and the NetworkPolicy admitting it to the model's
/// pods). Direct mode renders nothing here.
enum RoutingPlanner: Planner {
    static func plan(_ context: RenderContext) -> [KubeObject] { units(context).flatMap { $0.plan() } }

    static func units(_ context: RenderContext) -> [PlanUnit] {
        guard let routing = context.facts.inferenceRouting else { return [] }
        let shared = PlanUnit(.shared) {
            [
                InferenceGateway.object(routing, context), InferenceGatewayNetworkPolicy.object(routing, context),
                EndpointPickerConfig.object(context), EndpointPickerShared.podMonitor(context),
                EndpointPickerShared.networkPolicy(routing, context),
            ] + [InferenceGateway.namespace(routing, context)].compactMap { $0 } + EndpointPickerAccess.objects(context)
        }
        // `routing/endpoint-picker-image` refuses the mode without an image; never crash without one.
        let picker = context.platform.routing.endpointPicker
        let image = picker.image?.value ?? ""
        let pooled = Set(context.facts.pooledModels.map(\.model.name.value))
        let models = ServingModel.all(context).filter { pooled.contains($0.name) }
        return [shared]
            + models.map { serving in
                PlanUnit(.model(serving.name)) {
                    [
                        InferencePoolObject.object(serving), InferenceRoute.object(serving, routing, ladder: context.facts.ladder),
                        EndpointPicker.object(serving, image: image, picker: picker), EndpointPickerService.object(serving),
                        EndpointPickerDisruptionBudget.object(serving), EndpointPickerScrapePolicy.object(serving),
                    ]
                }
            }
    }
}
