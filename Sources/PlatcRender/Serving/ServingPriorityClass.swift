/// The priority of every vLLM pod: above tenants' batch pods, so the scheduler never preempts a
/// warm-floor replica for batch work, and a serving replica above the floor may preempt batch
/// pods (docs/checks-quota.md: the peak is meant to win over batch). Far below the system classes
/// (2,000,000,000), so node agents and DNS still win.
enum ServingPriorityClass {
    static func object(_ context: RenderContext) -> KubeObject {
        KubeObject(
            "scheduling.k8s.io/v1", "PriorityClass", name: Conventions.servingPriorityClassName, labels: context.commonLabels,
            body: [
                "value": .int(Conventions.servingPriority),
                "globalDefault": false,
                "preemptionPolicy": "PreemptLowerPriority",
                "description": "vLLM serving pods (platc): above tenants' batch work, so a warm floor is never preempted by batch.",
            ],
            sources: [context.platformSource])
    }
}
