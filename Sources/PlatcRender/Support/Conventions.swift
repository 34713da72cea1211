import PlatcFacts

/// Names, label keys and annotation keys that more than one output family must agree on
/// (namespaces ↔ NetworkPolicies ↔ Kyverno ↔ Kueue ↔ LiteLLM). One place, so they cannot drift.
public enum Conventions {
    // Labels.
    /// Kubernetes' recommended labels: what an object is (vllm, litellm), which instance, which
    /// part of it, who manages it (platc) and which platform it belongs to.
    public static let nameLabel = PodSelectors.nameKey
    public static let instanceLabel = PodSelectors.instanceKey
    public static let componentLabel = "app.kubernetes.io/component"
    public static let managedByLabel = "app.kubernetes.io/managed-by"
    public static let partOfLabel = "app.kubernetes.io/part-of"
    /// Pod Security Admission's labels on a namespace: `<prefix><mode>` and `<prefix><mode>-version`
    /// for the modes enforce, audit and warn.
    public static let podSecurityLabelPrefix = "pod-security.kubernetes.io/"
    public static let podSecurityEnforceLabel = podSecurityLabelPrefix + "enforce"

    /// The tenant an object belongs to; cost tools (OpenCost) attribute spend by it.
    public static let tenantLabel = "platc.dev/tenant"
    /// The model a serving object belongs to.
    public static let modelLabel = "platc.dev/model"
    /// Who owns a model (the model's `owner`), for cost attribution of shared serving.
    public static let ownerLabel = "platc.dev/owner"
    /// The GPU class a pod or flavor belongs to.
    public static let gpuClassLabel = "platc.dev/gpu-class"
    /// Who pays: the tenant for tenant objects, the model owner for serving.
    public static let costCenterLabel = "platc.dev/cost-center"
    /// The one opt-in label that scopes Kueue's webhooks (managedJobsNamespaceSelector) and the
    /// Kyverno queue gate to tenant namespaces, value "true".
    public static let tenantWorkloadsLabel = "platc.dev/tenant-workloads"
    /// Kueue's queue label on tenant workloads.
    public static let kueueQueueLabel = "kueue.x-k8s.io/queue-name"
    /// Kueue's label that picks a WorkloadPriorityClass for a Job.
    public static let kueuePriorityClassLabel = "kueue.x-k8s.io/priority-class"
    /// The tenant's priority (low, normal, high) on its Namespace: the WorkloadPriorityClass its
    /// Jobs should carry, readable by admission policies without another lookup.
    public static let tenantPriorityLabel = "platc.dev/priority"
    /// The LocalQueue in every tenant namespace: the value of `kueueQueueLabel` on tenant Jobs.
    /// Named `default` because Kueue (LocalQueueDefaulting) gives a Job without the label the
    /// LocalQueue of that name, so a tenant's plain Job is queued rather than left out of Kueue.
    public static let tenantLocalQueueName = "default"

    // Annotations stamped by platc on serving pods: the GPU-fit numbers Kyverno compares with
    // the GPU class's memory (Kyverno cannot compute VRAM itself).
    /// GPU memory vLLM reserves per GPU (gpu-memory-utilization × visible memory), MiB.
    public static let vramReservedAnnotation = "platc.dev/vram-reserved-mib"
    /// GPU memory the model needs per GPU at least (weights, runtime and one full-length
    /// sequence of KV cache), MiB.
    public static let vramRequiredAnnotation = "platc.dev/vram-required-mib"
    /// The rest of the estimate, for people and dashboards: weights per GPU (MiB), the KV cache
    /// in tokens, and how many full-length requests it holds at once.
    public static let weightsAnnotation = "platc.dev/weights-mib"
    public static let kvCacheTokensAnnotation = "platc.dev/kv-cache-tokens"
    public static let maxConcurrencyAnnotation = "platc.dev/max-concurrency"
    /// The container `kubectl logs` and `exec` pick by default.
    public static let defaultContainerAnnotation = "kubectl.kubernetes.io/default-container"

    // The LiteLLM proxy, which the edge route, tenant namespaces and the team reconciler reach,
    // and the only client vLLM admits. The platform team deploys it (platc renders its config,
    // not the proxy; its Service is `litellm.service`): its pods must carry this label.
    /// Label selecting the LiteLLM proxy pods.
    public static let litellmAppLabel = (nameLabel, "litellm")

    // vLLM.
    public static let vllmPort: Int64 = 8000
    /// The bearer token vLLM requires on /v1 (vllm/envs.py reads it), from `serving.apiKeyRef`;
    /// LiteLLM's pods hold the same value under the same name (`os.environ/VLLM_API_KEY`).
    public static let vllmAPIKeyVariable = LiteLLMEnvironment.vllmAPIKey
}

// Serving (render-serving): names other families must agree on.
extension Conventions {
    /// The PriorityClass of every vLLM pod. Tenants' batch pods must stay below
    /// `servingPriority` (they carry no PriorityClass, i.e. 0, unless a family renders one), so a
    /// warm floor is never preempted by batch work and a burst replica may preempt batch.
    public static let servingPriorityClassName = "platc-serving"
    public static let servingPriority: Int64 = 1_000_000
    /// Where Prometheus runs (Prometheus Operator): NetworkPolicies admit its scrapes, KEDA
    /// queries it. An assumption of the platform, documented in docs/render-serving.md.
    public static let monitoringNamespace = "monitoring"
    public static let prometheusServerAddress = "http://prometheus-operated.monitoring.svc:9090"
    /// Label of the Prometheus pods the Prometheus Operator runs.
    public static let prometheusAppLabel = (nameLabel, "prometheus")
    /// Per-resource ignoreDifferences (Argo CD ≥ 3.6, argo-cd#29616; needs
    /// RespectIgnoreDifferences=true). Marks the Deployments whose replicas KEDA owns; the
    /// Application must still list them in spec.ignoreDifferences for older Argo CD.
    public static let argocdIgnoreDifferencesAnnotation = "argocd.argoproj.io/ignore-differences-json-pointers"
    /// Argo CD's sync annotations (ArgoCD/SyncAnnotations): the wave, the sync options, and for
    /// a hook object (e.g. the LiteLLM team reconciler, PostSync), when it runs and when it goes.
    public static let argocdSyncWaveAnnotation = "argocd.argoproj.io/sync-wave"
    public static let argocdSyncOptionsAnnotation = "argocd.argoproj.io/sync-options"
    public static let argocdHookAnnotation = "argocd.argoproj.io/hook"
    public static let argocdHookDeletePolicyAnnotation = "argocd.argoproj.io/hook-delete-policy"
}
