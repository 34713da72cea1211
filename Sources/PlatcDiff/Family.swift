/// Which part of the platform a file in out/ belongs to: reports count and order changes by
/// family. Kubernetes objects go by API group, so a hand-written or unknown object still lands
/// somewhere; files that are not objects go by folder.
public enum Family: String, Sendable, CaseIterable, Comparable {
    case kubernetes = "Kubernetes"
    case kueue = "Kueue"
    case kyverno = "Kyverno"
    case argoCD = "Argo CD"
    case liteLLM = "LiteLLM"
    case catalog = "Catalog"
    case files = "Other files"

    /// The key JSON reports use.
    public var id: String {
        switch self {
        case .kubernetes: "kubernetes"
        case .kueue: "kueue"
        case .kyverno: "kyverno"
        case .argoCD: "argocd"
        case .liteLLM: "litellm"
        case .catalog: "catalog"
        case .files: "files"
        }
    }

    public static func of(path: String, identity: ObjectIdentity) -> Family {
        if let group = identity.group, identity.isKubernetesObject {
            if group == "kueue.x-k8s.io" { return .kueue }
            if group == "kyverno.io" || group.hasSuffix(".kyverno.io") { return .kyverno }
            if group == "argoproj.io" { return .argoCD }
            return .kubernetes
        }
        if path.hasPrefix("litellm/") { return .liteLLM }
        if path.hasPrefix("catalog/") { return .catalog }
        return .files
    }

    public static func < (a: Family, b: Family) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
