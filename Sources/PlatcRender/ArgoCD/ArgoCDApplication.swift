/// The Application that syncs `<argocd.path>/manifests` (docs/render-argocd.md). One Application
/// for the whole platform, ordered by sync waves: Argo CD orders waves within an Application,
/// while ordering across Applications would need an app-of-apps with custom health checks.
enum ArgoCDApplication {
    static func object(_ context: RenderContext, syncing objects: [KubeObject]) -> KubeObject {
        let argocd = context.platform.argocd
        let autoscaled = objects.filter { object in
            object.kind == "Deployment" && object.annotations.contains { $0.0 == Conventions.argocdIgnoreDifferencesAnnotation }
        }
        return KubeObject(
            ArgoCDNames.apiVersion, "Application", name: context.platform.name.value, namespace: argocd.namespace.value,
            labels: context.commonLabels,
            body: [
                "spec": [
                    "project": .string(argocd.project.value),
                    "source": [
                        "repoURL": .string(argocd.repoURL.value),
                        "targetRevision": .string(argocd.targetRevision.value),
                        "path": .string(manifestsPath(argocd.path.value)),
                        // Objects live in one folder per namespace.
                        "directory": ["recurse": true],
                    ],
                    // Every object names its namespace; this one is only the namespace
                    // CreateNamespace makes when missing: the LiteLLM proxy's, which platc
                    // puts config into but does not own (docs/render-argocd.md).
                    "destination": [
                        "server": .string(ArgoCDNames.inClusterServer),
                        "namespace": .string(context.platform.namespaces.litellm.value),
                    ],
                    "syncPolicy": [
                        // Git is the truth: drift is reverted and removed objects pruned
                        // (Namespaces only after a person confirms: Prune=confirm on each).
                        "automated": ["prune": true, "selfHeal": true],
                        "syncOptions": [
                            "CreateNamespace=true",
                            // Delete what left the sources after everything else is healthy.
                            "PruneLast=true",
                            // Sync must skip the fields listed below, or each sync resets a
                            // scaled-up model to its warm floor.
                            "RespectIgnoreDifferences=true",
                            // No last-applied annotation: the LiteLLM ConfigMap outgrows its
                            // 256 KiB limit at a few hundred models, and field ownership lets
                            // KEDA own replicas.
                            "ServerSideApply=true",
                        ],
                        "retry": ["limit": 5, "backoff": ["duration": "10s", "factor": 2, "maxDuration": "3m"]],
                    ],
                    "ignoreDifferences": autoscaled.isEmpty ? nil : .list(autoscaled.map(ignoreReplicas)),
                ]
            ],
            sources: [context.platformSource] + autoscaled.flatMap(\.sources), folder: "argocd")
    }

    /// KEDA owns the replicas of an autoscaled Deployment. The per-resource annotation the
    /// serving family writes needs Argo CD after 3.5 (argo-cd#29616); this list works on all.
    static func ignoreReplicas(_ deployment: KubeObject) -> YAMLValue {
        [
            "group": "apps", "kind": "Deployment", "name": .string(deployment.name),
            "namespace": deployment.namespace.map(YAMLValue.string), "jsonPointers": ["/spec/replicas"],
        ]
    }

    static func manifestsPath(_ path: String) -> String {
        path == "." ? "manifests" : (path.hasSuffix("/") ? path : path + "/") + "manifests"
    }
}
