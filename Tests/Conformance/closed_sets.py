"""Closed value sets the API server enforces for built-in kinds. The JSON schemas come from
Swagger 2, which has no enums, so an unknown Service type or a misspelt imagePullPolicy passes
them; the API server's Go validation rejects it with `Unsupported value`. Each set below is the one
in kubernetes/kubernetes at the file and function named (paths under pkg/apis/), for the
definitions and fields platc emits or may emit. A definition or field a Kubernetes version does not
have is skipped for that version.

Feature-gated alpha values are left out on purpose (a cluster without the gate rejects them)."""

CORE = "core/validation/validation.go"

# (definition, field, is a list of values, allowed values, source)
FIELD_SETS = [
    ("io.k8s.api.core.v1.ServiceSpec", "type", False, ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"],
     CORE + ": supportedServiceType"),
    ("io.k8s.api.core.v1.ServiceSpec", "sessionAffinity", False, ["ClientIP", "None"],
     CORE + ": supportedSessionAffinityType"),
    ("io.k8s.api.core.v1.ServiceSpec", "externalTrafficPolicy", False, ["Cluster", "Local"],
     CORE + ": validateServiceExternalTrafficPolicy"),
    ("io.k8s.api.core.v1.ServiceSpec", "internalTrafficPolicy", False, ["Cluster", "Local"],
     CORE + ": supportedServiceInternalTrafficPolicy"),
    ("io.k8s.api.core.v1.ServiceSpec", "ipFamilyPolicy", False, ["SingleStack", "PreferDualStack", "RequireDualStack"],
     CORE + ": supportedServiceIPFamilyPolicy"),
    ("io.k8s.api.core.v1.ServiceSpec", "ipFamilies", True, ["IPv4", "IPv6"],
     CORE + ": supportedServiceIPFamily"),
    ("io.k8s.api.core.v1.ServicePort", "protocol", False, ["TCP", "UDP", "SCTP"],
     CORE + ": supportedPortProtocols"),
    ("io.k8s.api.core.v1.ContainerPort", "protocol", False, ["TCP", "UDP", "SCTP"],
     CORE + ": supportedPortProtocols"),
    ("io.k8s.api.core.v1.Container", "imagePullPolicy", False, ["Always", "IfNotPresent", "Never"],
     CORE + ": supportedPullPolicies"),
    ("io.k8s.api.core.v1.EphemeralContainer", "imagePullPolicy", False, ["Always", "IfNotPresent", "Never"],
     CORE + ": supportedPullPolicies"),
    ("io.k8s.api.core.v1.ImageVolumeSource", "pullPolicy", False, ["Always", "IfNotPresent", "Never"],
     CORE + ": supportedPullPolicies (validateImageVolumeSource)"),
    ("io.k8s.api.core.v1.Container", "terminationMessagePolicy", False, ["File", "FallbackToLogsOnError"],
     CORE + ": validateContainerCommon (terminationMessagePolicy)"),
    ("io.k8s.api.core.v1.Container", "restartPolicy", False, ["Always"],
     CORE + ": validateInitContainerRestartPolicy (sidecars; other values need the alpha ContainerRestartRules gate)"),
    ("io.k8s.api.core.v1.PodSpec", "restartPolicy", False, ["Always", "OnFailure", "Never"],
     CORE + ": validateRestartPolicy"),
    ("io.k8s.api.core.v1.PodSpec", "dnsPolicy", False, ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"],
     CORE + ": validateDNSPolicy"),
    ("io.k8s.api.core.v1.PodSpec", "preemptionPolicy", False, ["PreemptLowerPriority", "Never"],
     CORE + ": validatePreemptionPolicy"),
    ("io.k8s.api.core.v1.Toleration", "operator", False, ["Exists", "Equal"],
     CORE + ": ValidateTolerations"),
    ("io.k8s.api.core.v1.Toleration", "effect", False, ["NoSchedule", "PreferNoSchedule", "NoExecute"],
     CORE + ": validateTaintEffect"),
    ("io.k8s.api.core.v1.SeccompProfile", "type", False, ["RuntimeDefault", "Unconfined", "Localhost"],
     CORE + ": validateSeccompProfileType"),
    ("io.k8s.api.core.v1.AppArmorProfile", "type", False, ["RuntimeDefault", "Unconfined", "Localhost"],
     CORE + ": ValidateAppArmorProfileField"),
    ("io.k8s.api.core.v1.PodSecurityContext", "fsGroupChangePolicy", False, ["OnRootMismatch", "Always"],
     CORE + ": validateFSGroupChangePolicy"),
    ("io.k8s.api.core.v1.SecurityContext", "procMount", False, ["Default", "Unmasked"],
     CORE + ": ValidateProcMountType"),
    ("io.k8s.api.core.v1.TopologySpreadConstraint", "whenUnsatisfiable", False, ["DoNotSchedule", "ScheduleAnyway"],
     CORE + ": supportedScheduleActions"),
    ("io.k8s.api.core.v1.TopologySpreadConstraint", "nodeAffinityPolicy", False, ["Honor", "Ignore"],
     CORE + ": supportedPodTopologySpreadNodePolicies"),
    ("io.k8s.api.core.v1.TopologySpreadConstraint", "nodeTaintsPolicy", False, ["Honor", "Ignore"],
     CORE + ": supportedPodTopologySpreadNodePolicies"),
    ("io.k8s.api.core.v1.HTTPGetAction", "scheme", False, ["HTTP", "HTTPS"],
     CORE + ": supportedHTTPSchemes"),
    ("io.k8s.api.core.v1.VolumeMount", "mountPropagation", False, ["None", "HostToContainer", "Bidirectional"],
     CORE + ": validateMountPropagation"),
    ("io.k8s.api.core.v1.PersistentVolumeClaimSpec", "accessModes", True,
     ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"], CORE + ": supportedAccessModes"),
    ("io.k8s.api.core.v1.NodeSelectorRequirement", "operator", False, ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"],
     CORE + ": validateNodeSelectorRequirement"),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement", "operator", False, ["In", "NotIn", "Exists", "DoesNotExist"],
     "apimachinery pkg/apis/meta/v1/validation/validation.go: ValidateLabelSelectorRequirement"),
    ("io.k8s.api.apps.v1.DeploymentStrategy", "type", False, ["Recreate", "RollingUpdate"],
     "apps/validation/validation.go: ValidateDeploymentStrategy"),
    ("io.k8s.api.apps.v1.StatefulSetUpdateStrategy", "type", False, ["RollingUpdate", "OnDelete"],
     "apps/validation/validation.go: ValidateStatefulSetSpec (updateStrategy)"),
    ("io.k8s.api.apps.v1.StatefulSetSpec", "podManagementPolicy", False, ["OrderedReady", "Parallel"],
     "apps/validation/validation.go: ValidateStatefulSetSpec (podManagementPolicy)"),
    ("io.k8s.api.networking.v1.NetworkPolicySpec", "policyTypes", True, ["Ingress", "Egress"],
     "networking/validation/validation.go: ValidateNetworkPolicySpec (allowed policyTypes)"),
    ("io.k8s.api.networking.v1.NetworkPolicyPort", "protocol", False, ["TCP", "UDP", "SCTP"],
     "networking/validation/validation.go: ValidateNetworkPolicyPort"),
    ("io.k8s.api.policy.v1.PodDisruptionBudgetSpec", "unhealthyPodEvictionPolicy", False, ["IfHealthyBudget", "AlwaysAllow"],
     "policy/validation/validation.go: supportedUnhealthyPodEvictionPolicies"),
    ("io.k8s.api.rbac.v1.Subject", "kind", False, ["ServiceAccount", "User", "Group"],
     "rbac/validation/validation.go: ValidateRoleBindingSubject"),
    ("io.k8s.api.rbac.v1.RoleRef", "kind", False, ["Role", "ClusterRole"],
     "rbac/validation/validation.go: ValidateRoleBinding (roleRef.kind)"),
    ("io.k8s.api.rbac.v1.RoleRef", "apiGroup", False, ["rbac.authorization.k8s.io"],
     "rbac/validation/validation.go: ValidateRoleBinding, ValidateClusterRoleBinding (roleRef.apiGroup)"),
    ("io.k8s.api.batch.v1.JobSpec", "completionMode", False, ["NonIndexed", "Indexed"],
     "batch/validation/validation.go: validateJobSpec (supportedCompletionModes)"),
    ("io.k8s.api.batch.v1.JobSpec", "podReplacementPolicy", False, ["TerminatingOrFailed", "Failed"],
     "batch/validation/validation.go: supportedPodReplacementPolicy"),
    ("io.k8s.api.batch.v1.CronJobSpec", "concurrencyPolicy", False, ["Allow", "Forbid", "Replace"],
     "batch/validation/validation.go: validateConcurrencyPolicy"),
    ("io.k8s.api.batch.v1.PodFailurePolicyRule", "action", False, ["FailJob", "FailIndex", "Ignore", "Count"],
     "batch/validation/validation.go: supportedPodFailurePolicyActions"),
    ("io.k8s.api.autoscaling.v2.MetricSpec", "type", False, ["ContainerResource", "External", "Object", "Pods", "Resource"],
     "autoscaling/validation/validation.go: validateMetricSpec"),
    ("io.k8s.api.autoscaling.v2.MetricTarget", "type", False, ["Utilization", "Value", "AverageValue"],
     "autoscaling/validation/validation.go: validateMetricTarget"),
    ("io.k8s.api.autoscaling.v2.HPAScalingPolicy", "type", False, ["Pods", "Percent"],
     "autoscaling/validation/validation.go: validateScalingPolicy"),
    ("io.k8s.api.autoscaling.v2.HPAScalingRules", "selectPolicy", False, ["Max", "Min", "Disabled"],
     "autoscaling/validation/validation.go: validateScalingRules"),
]

# Sets that depend on the kind around the field: (kind, path, allowed values, required, source).
KIND_RULES = [
    ("Deployment", ("spec", "template", "spec", "restartPolicy"), ["Always"], False,
     "apps/validation/validation.go: ValidatePodTemplateSpecForReplicaSet (only Always)"),
    ("StatefulSet", ("spec", "template", "spec", "restartPolicy"), ["Always"], False,
     "apps/validation/validation.go: ValidateStatefulSetSpec (only Always)"),
    ("Job", ("spec", "template", "spec", "restartPolicy"), ["OnFailure", "Never"], True,
     "batch/validation/validation.go: validateJobSpec (Always is the default and refused, so it must be set)"),
    ("CronJob", ("spec", "jobTemplate", "spec", "template", "spec", "restartPolicy"), ["OnFailure", "Never"], True,
     "batch/validation/validation.go: validateJobSpec via ValidateCronJobSpec"),
    ("ClusterRoleBinding", ("roleRef", "kind"), ["ClusterRole"], False,
     "rbac/validation/validation.go: ValidateClusterRoleBinding (roleRef.kind)"),
]


def apply_field_sets(definitions):
    """Adds an `enum` to each listed field of the schema definitions, in place. null stays
    allowed where the schema allows it (an absent field is defaulted by the API server)."""
    for definition, field, is_list, allowed, _ in FIELD_SETS:
        prop = definitions.get(definition, {}).get("properties", {}).get(field)
        if prop is None:
            continue
        target = prop.get("items") if is_list else prop
        if target is None:
            continue
        nullable = "null" in (target.get("type") if isinstance(target.get("type"), list) else [target.get("type")])
        target["enum"] = list(allowed) + ([None] if nullable else [])
