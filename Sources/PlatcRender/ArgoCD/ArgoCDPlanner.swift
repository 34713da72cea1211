/// The GitOps family: the Argo CD AppProject and Application that sync manifests/, written after
/// every other family because the project admits exactly the kinds and namespaces they render
/// (docs/render-argocd.md). They go to argocd/, outside the synced folder: they are applied once
/// to bootstrap, and an Application that syncs itself could prune itself.
enum ArgoCDPlanner {
    static func plan(_ context: RenderContext, syncing objects: [KubeObject]) -> [KubeObject] {
        [ArgoCDProject.object(context, syncing: objects), ArgoCDApplication.object(context, syncing: objects)]
    }
}
