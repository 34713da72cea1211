/// The per-object Argo CD annotations: the sync wave of every synced object, by kind, and
/// `Prune=confirm` on Namespaces (docs/render-argocd.md).
///
/// Within one wave Argo CD already applies Namespaces before what lives in them; the waves add
/// what kind order cannot: admission (Kyverno) and queueing (Kueue) exist before any workload
/// arrives, and a wave waits until the previous one is healthy.
enum SyncAnnotations {
    enum Wave: Int, CaseIterable {
        /// Namespaces and the cluster-wide rules workloads are admitted and queued by.
        case foundation = -1
        /// What each namespace holds before workloads: quotas, RBAC, network policy, queues, config.
        case tenancy = 0
        /// The workloads and what routes to, scales and watches them.
        case workloads = 1
    }

    /// Every kind platc renders outside argocd/. A kind missing here fails the render tests
    /// (SyncAnnotationsTests), so a new family must place its kinds deliberately.
    static let waves: [String: Wave] = [
        "Namespace": .foundation, "PriorityClass": .foundation, "ResourceFlavor": .foundation, "Cohort": .foundation,
        "ClusterQueue": .foundation, "WorkloadPriorityClass": .foundation, "ValidatingPolicy": .foundation,
        "ImageValidatingPolicy": .foundation,
        "ResourceQuota": .tenancy, "LimitRange": .tenancy, "Role": .tenancy, "RoleBinding": .tenancy,
        "NetworkPolicy": .tenancy, "LocalQueue": .tenancy, "ConfigMap": .tenancy, "ServiceAccount": .tenancy,
        // The inference Gateway is ready before the routes that attach to it.
        "Gateway": .tenancy,
        "Deployment": .workloads, "Service": .workloads, "PodDisruptionBudget": .workloads,
        "HTTPRoute": .workloads, "InferencePool": .workloads, "PodMonitor": .workloads, "ScaledObject": .workloads,
    ]

    static func wave(of kind: String) -> Wave? { waves[kind] }

    static func annotate(_ objects: [KubeObject]) -> [KubeObject] {
        objects.map { object in
            guard !object.annotations.contains(where: { $0.0 == Conventions.argocdHookAnnotation }) else { return object }
            var annotated = object
            // Unknown kinds go last: late is safe, early could admit a workload before its rules.
            let wave = wave(of: object.kind) ?? .workloads
            annotated.annotations.append((Conventions.argocdSyncWaveAnnotation, "\(wave.rawValue)"))
            if object.kind == "Namespace" {
                // Pruning a namespace deletes everything in it (a tenant's PVCs and Secrets too):
                // removing a tenant from the sources must not do that without a person confirming.
                annotated.annotations.append((Conventions.argocdSyncOptionsAnnotation, "Prune=confirm"))
            }
            return annotated
        }
    }
}
