/// Pods in tenant namespaces carry `platc.dev/tenant` = their namespace's tenant, so cost tools
/// (OpenCost) attribute every pod. Jobs and CronJobs are checked on their pod template (the
/// label their pods get), so a Job without it fails at creation instead of creating pods that
/// fail; the pods themselves are checked too (they inherit the template's labels, so a good
/// Job's pods pass).
enum TenantLabelPolicy {
    static func shape(_ context: RenderContext) -> ValidatingPolicyShape {
        let label = CEL.string(Conventions.tenantLabel)
        return ValidatingPolicyShape(
            name: KyvernoNames.tenantLabel,
            namespaceLabels: [(Conventions.tenantWorkloadsLabel, "true")],
            resources: ResourceRule.allWorkloads,
            variables: PodTemplateVariables.base + [
                PodTemplateVariables.podLabels,
                // The tenant namespace's own label, which platc renders (tenant = namespace name).
                (
                    "tenant",
                    "has(namespaceObject.metadata.labels) && \(label) in namespaceObject.metadata.labels"
                        + " ? namespaceObject.metadata.labels[\(label)] : ''"
                ),
                ("podTenant", CEL.value("variables.podLabels", Conventions.tenantLabel)),
            ],
            validations: [
                .init(
                    expression: "variables.tenant != '' && variables.podTenant == variables.tenant",
                    message:
                        "tenant label: pods in a tenant namespace must carry the label \(Conventions.tenantLabel) = the tenant's name.",
                    messageExpression:
                        "variables.subject + ' must carry the label ' + \(label) + ': ' + variables.tenant"
                        + " + (object.kind == 'Pod' ? '' : ' in its pod template')"
                        + " + ' so its cost is attributed to the tenant; '"
                        + " + (variables.podTenant == '' ? 'it has none' : 'it says ' + variables.podTenant)")
            ])
    }
}
