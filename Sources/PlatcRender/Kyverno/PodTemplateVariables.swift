/// CEL variables that find the pod inside whatever object a policy sees, so one validation covers
/// a Pod, a Deployment/ReplicaSet/StatefulSet/DaemonSet/Job (`spec.template`) and a CronJob
/// (`spec.jobTemplate.spec.template`). Kyverno would generate such rules itself (autogen), but
/// not for policies scoped by a namespaceSelector, which all of platc's are.
enum PodTemplateVariables {
    typealias Variable = (name: String, expression: String)

    static let template: Variable = (
        "template",
        "object.kind == 'Pod' ? object : (object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template : object.spec.template)"
    )
    static let podMetadata: Variable = ("podMetadata", "has(variables.template.metadata) ? variables.template.metadata : {}")
    static let podSpec: Variable = ("podSpec", "variables.template.spec")
    static let podLabels: Variable = ("podLabels", "has(variables.podMetadata.labels) ? variables.podMetadata.labels : {}")
    static let podAnnotations: Variable = (
        "podAnnotations", "has(variables.podMetadata.annotations) ? variables.podMetadata.annotations : {}"
    )
    /// containers, initContainers (the modelcar sidecars among them) and ephemeralContainers.
    static let containers: Variable = (
        "containers",
        "variables.podSpec.containers"
            + " + (has(variables.podSpec.initContainers) ? variables.podSpec.initContainers : [])"
            + " + (has(variables.podSpec.ephemeralContainers) ? variables.podSpec.ephemeralContainers : [])"
    )
    /// `Kind name` for messages; pods a controller creates have only a generateName.
    static let subject: Variable = (
        "subject",
        "object.kind + ' ' + (has(object.metadata.name) ? object.metadata.name"
            + " : (has(object.metadata.generateName) ? object.metadata.generateName + '*' : '(unnamed)'))"
    )
    /// Any container asking for a GPU, in limits or in requests (extended resources need only one).
    static let requestsGPU: Variable = (
        "requestsGPU",
        "variables.containers.exists(c, has(c.resources) && ("
            + "(has(c.resources.limits) && \(CEL.string(KyvernoNames.gpuResource)) in c.resources.limits)"
            + " || (has(c.resources.requests) && \(CEL.string(KyvernoNames.gpuResource)) in c.resources.requests)))"
    )

    /// The pod, its spec, its containers and the subject for messages: what every pod rule needs.
    static let base: [Variable] = [template, podMetadata, podSpec, containers, subject]
}
