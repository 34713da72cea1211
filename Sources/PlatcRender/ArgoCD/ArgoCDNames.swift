/// Argo CD's annotation keys and the names platc gives its Argo CD objects.
enum ArgoCDNames {
    static let syncWaveAnnotation = "argocd.argoproj.io/sync-wave"
    static let syncOptionsAnnotation = "argocd.argoproj.io/sync-options"
    /// A hook object (e.g. the LiteLLM team reconciler, PostSync) runs around a sync rather than
    /// being synced, so it takes no wave.
    static let hookAnnotation = "argocd.argoproj.io/hook"
    static let hookDeletePolicyAnnotation = "argocd.argoproj.io/hook-delete-policy"
    /// The cluster Argo CD runs in.
    static let inClusterServer = "https://kubernetes.default.svc"
    static let apiVersion = "argoproj.io/v1alpha1"

    /// The API group of an apiVersion: `apps/v1` → `apps`, `v1` → "" (the core group).
    static func group(of apiVersion: String) -> String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }
}
