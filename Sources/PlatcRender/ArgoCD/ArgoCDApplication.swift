import PlatcFacts

/// The Applications (docs/render-argocd.md): one per part of the layout, each syncing its own
/// folder `<argocd.path>/manifests/<part>`, and the root app-of-apps that syncs only them.
enum ArgoCDApplication {
    /// The Application of `part`, whose `autoscaled` Deployments KEDA (or a person) scales.
    static func child(_ context: RenderContext, part: ApplicationPart, autoscaled: [KubeObject]) -> KubeObject {
        let argocd = context.platform.argocd
        var options = [
            // Delete what left the sources after everything else is healthy.
            "PruneLast=true",
            // No last-applied annotation: the LiteLLM ConfigMap outgrows its 256 KiB limit at a
            // few hundred models, and field ownership lets KEDA own replicas.
            "ServerSideApply=true",
        ]
        // Sync must skip the fields listed below, or each sync resets a scaled-up model to its warm floor.
        if !autoscaled.isEmpty { options.insert("RespectIgnoreDifferences=true", at: 1) }
        // The LiteLLM proxy's namespace: platc puts config there but does not own it.
        if part == .litellm { options.insert("CreateNamespace=true", at: 0) }
        return KubeObject(
            ArgoCDNames.apiVersion, "Application", name: name(of: part, context), namespace: argocd.namespace.value,
            labels: context.commonLabels,
            annotations: [(Conventions.argocdSyncWaveAnnotation, "\(wave(of: part))")],
            body: [
                "spec": [
                    "project": .string(argocd.project.value),
                    "source": source(context, path: "manifests/" + part.folder, recurse: true),
                    // Every object names its namespace; this one is only the namespace
                    // CreateNamespace makes when missing: the LiteLLM proxy's.
                    "destination": destination(context.platform.namespaces.litellm.value),
                    "syncPolicy": [
                        // Git is the truth: drift is reverted and removed objects pruned (Namespaces
                        // only after a person confirms: Prune=confirm on each), unless prune is off
                        // while objects move between Applications.
                        "automated": ["prune": .bool(argocd.prune.value), "selfHeal": true],
                        "syncOptions": .list(options.map(YAMLValue.string)),
                        "retry": retry,
                    ],
                    "ignoreDifferences": autoscaled.isEmpty ? nil : .list(autoscaled.map(ignoreReplicas)),
                ]
            ],
            sources: [context.platformSource] + autoscaled.flatMap(\.sources), folder: ArgoCDNames.applicationsFolder)
    }

    /// A Deployment whose replicas move (the serving family marks it for Argo CD 3.5+).
    static func isAutoscaled(_ object: KubeObject) -> Bool {
        object.kind == "Deployment" && object.annotations.contains { $0.0 == Conventions.argocdIgnoreDifferencesAnnotation }
    }

    /// The root app-of-apps, applied once by hand (out/argocd/): it syncs the child Applications
    /// and nothing else. Pruning a child never cascades: platc sets no resources finalizer.
    static func root(_ context: RenderContext) -> KubeObject {
        let argocd = context.platform.argocd
        return KubeObject(
            ArgoCDNames.apiVersion, "Application", name: rootName(context), namespace: argocd.namespace.value,
            labels: context.commonLabels,
            body: [
                "spec": [
                    "project": .string(argocd.project.value),
                    "source": source(context, path: ArgoCDNames.applicationsFolder, recurse: false),
                    "destination": destination(argocd.namespace.value),
                    "syncPolicy": [
                        "automated": ["prune": true, "selfHeal": true],
                        "syncOptions": ["PruneLast=true", "ServerSideApply=true"],
                        "retry": retry,
                    ],
                ]
            ],
            sources: [context.platformSource], folder: ArgoCDNames.bootstrapFolder)
    }

    /// `<platform>-<part folder>`: `lab-tenants-007`.
    static func name(of part: ApplicationPart, _ context: RenderContext) -> String {
        context.platform.name.value + "-" + part.folder
    }

    static func rootName(_ context: RenderContext) -> String { context.platform.name.value + "-root" }

    /// Waves between Applications order only their creation unless Argo CD assesses the health
    /// of Applications (an operator step, docs/render-argocd.md): the foundation first, LiteLLM last.
    static func wave(of part: ApplicationPart) -> Int {
        switch part {
        case .foundation: -1
        case .tenants, .serving: 0
        case .litellm: 1
        }
    }

    private static func source(_ context: RenderContext, path: String, recurse: Bool) -> YAMLValue {
        let argocd = context.platform.argocd
        return [
            "repoURL": .string(argocd.repoURL.value),
            "targetRevision": .string(argocd.targetRevision.value),
            "path": .string(repoPath(argocd.path.value, path)),
            "directory": ["recurse": .bool(recurse)],
        ]
    }

    private static func destination(_ namespace: String) -> YAMLValue {
        ["server": .string(ArgoCDNames.inClusterServer), "namespace": .string(namespace)]
    }

    /// A sync that fails on a transient error (a CRD not yet established, a webhook restarting) is
    /// retried for about 3 minutes.
    private static let retry: YAMLValue = ["limit": 5, "backoff": ["duration": "10s", "factor": 2, "maxDuration": "3m"]]

    /// KEDA owns the replicas of an autoscaled Deployment. The per-resource annotation the
    /// serving family writes needs Argo CD after 3.5 (argo-cd#29616); this list works on all.
    static func ignoreReplicas(_ deployment: KubeObject) -> YAMLValue {
        [
            "group": "apps", "kind": "Deployment", "name": .string(deployment.name),
            "namespace": deployment.namespace.map(YAMLValue.string), "jsonPointers": ["/spec/replicas"],
        ]
    }

    /// `folder` of out/ as the repository names it: under `argocd.path`.
    static func repoPath(_ path: String, _ folder: String) -> String {
        path == "." ? folder : (path.hasSuffix("/") ? path : path + "/") + folder
    }
}
