import PlatcSpec

extension ApplicationOwnership {
    /// What the diff needs of one Argo CD Application: its name, the folder of out/ it syncs, and
    /// whether it prunes (deletes what leaves that folder).
    public struct Application: Sendable, Equatable, Hashable {
        public var name: String
        /// Where it lives (`argocd`): the namespace `kubectl delete application` needs.
        public var namespace: String
        /// `spec.source.path` made relative to out/: `manifests`, `manifests/tenants-003`.
        public var folder: String
        /// `spec.syncPolicy.automated.prune`: true only when written so (Argo CD's default is false).
        public var prunes: Bool
        /// Whether the root app-of-apps syncs it (its file is in applications/), rather than a
        /// person applying it: the root deletes it when it leaves the render, without cascade.
        public var syncedByRoot: Bool

        public init(name: String, namespace: String = "argocd", folder: String, prunes: Bool, syncedByRoot: Bool = false) {
            self.name = name
            self.namespace = namespace
            self.folder = folder
            self.prunes = prunes
            self.syncedByRoot = syncedByRoot
        }

        /// Reads an `argoproj.io` Application; nil for any other file, and for one whose source
        /// path holds no `manifests` or `applications` folder (it syncs nothing of out/ platc knows).
        init?(_ file: OutFile) {
            let identity = file.identity
            guard identity.group == "argoproj.io", identity.kind == "Application", let name = identity.name,
                let spec = file.document?[key: "spec"],
                let path = spec[key: "source"]?[key: "path"]?.text, let folder = Self.outRelative(path)
            else { return nil }
            let automated = spec[key: "syncPolicy"]?[key: "automated"]
            self.init(
                name: name, namespace: identity.namespace ?? "argocd", folder: folder,
                prunes: automated?[key: "prune"]?.text == "true", syncedByRoot: file.path.hasPrefix("applications/"))
        }

        /// A source path from the repository's top made relative to out/: from its rightmost
        /// `manifests` or `applications` component on, since `argocd.path` (where out/ sits in the
        /// repository: `out`, `platforms/lab/out`) is not known here.
        /// `platforms/lab/out/manifests/tenants-003` → `manifests/tenants-003`.
        static func outRelative(_ sourcePath: String) -> String? {
            let components = sourcePath.split(separator: "/").filter { $0 != "." }
            guard let start = components.lastIndex(where: { $0 == "manifests" || $0 == "applications" }) else { return nil }
            return components[start...].joined(separator: "/")
        }
    }
}
