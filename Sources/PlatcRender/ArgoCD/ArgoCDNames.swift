/// The names platc gives its Argo CD objects (annotation keys: `Conventions`).
enum ArgoCDNames {
    /// The cluster Argo CD runs in.
    static let inClusterServer = "https://kubernetes.default.svc"
    static let apiVersion = "argoproj.io/v1alpha1"
    /// The AppProject and the root Application, applied by hand: no Application syncs them.
    static let bootstrapFolder = "argocd"
    /// The child Applications, which the root syncs.
    static let applicationsFolder = "applications"

    /// The API group of an apiVersion: `apps/v1` → `apps`, `v1` → "" (the core group).
    static func group(of apiVersion: String) -> String {
        guard let slash = apiVersion.utf8.firstIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(apiVersion[..<slash])
    }
}
