/// GPU work in tenant namespaces must go through the tenant's Kueue LocalQueue: a Job (or a
/// CronJob's job template) that asks for a GPU must carry `kueue.x-k8s.io/queue-name: default`.
///
/// Where the label sits decides the match. Kueue reads it from the Job, not from its pods, and
/// manages the Job's pods through the Job (suspend, admission, node selection), so pods a Job owns
/// are left out (matchCondition); any other GPU pod must carry the label itself (Kueue's pod
/// integration). Tenants cannot create bare pods or LocalQueues (their Role), so in practice
/// this is the Job gate; the pod rule closes the path for anything else that creates pods there.
enum QueueGatePolicy {
    static func shape(_ context: RenderContext) -> ValidatingPolicyShape {
        let queueLabel = CEL.string(Conventions.kueueQueueLabel)
        let queue = CEL.string(Conventions.tenantLocalQueueName)
        return ValidatingPolicyShape(
            name: KyvernoNames.queueGate,
            namespaceLabels: [(Conventions.tenantWorkloadsLabel, "true")],
            resources: [.pods, .batchControllers],
            matchConditions: [
                (
                    "not-a-pod-of-a-job",
                    "object.kind != 'Pod' || !has(object.metadata.ownerReferences)"
                        + " || !object.metadata.ownerReferences.exists(r, r.apiVersion == 'batch/v1' && r.kind == 'Job'"
                        + " && has(r.controller) && r.controller == true)"
                )
            ],
            variables: PodTemplateVariables.base + [
                PodTemplateVariables.requestsGPU,
                // The labels Kueue reads: the Job's own, or those of the Jobs a CronJob creates.
                (
                    "queueLabels",
                    "object.kind == 'CronJob'"
                        + " ? (has(object.spec.jobTemplate.metadata) && has(object.spec.jobTemplate.metadata.labels)"
                        + " ? object.spec.jobTemplate.metadata.labels : {})"
                        + " : (has(object.metadata.labels) ? object.metadata.labels : {})"
                ),
                ("queue", CEL.value("variables.queueLabels", Conventions.kueueQueueLabel)),
            ],
            validations: [
                .init(
                    expression: "!variables.requestsGPU || variables.queue == \(queue)",
                    message:
                        "kueue queue: GPU workloads in tenant namespaces must carry the label \(Conventions.kueueQueueLabel): \(Conventions.tenantLocalQueueName) (the namespace's LocalQueue).",
                    messageExpression:
                        "variables.subject + ' requests \(KyvernoNames.gpuResource), so it must carry the label ' + \(queueLabel)"
                        + " + ': ' + \(queue) + ' on ' + (object.kind == 'CronJob' ? 'spec.jobTemplate.metadata.labels' : 'metadata.labels')"
                        + " + ' (the LocalQueue of its namespace: GPU work goes through Kueue); '"
                        + " + (variables.queue == '' ? 'it has none' : 'it names ' + variables.queue + ', which is no LocalQueue of this namespace')"
                )
            ])
    }
}
