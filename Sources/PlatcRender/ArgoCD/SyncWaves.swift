/// Argo CD sync waves, by kind (docs/render-argocd.md).
enum SyncWaves {
    static func annotate(_ objects: [KubeObject]) -> [KubeObject] { objects }
}
