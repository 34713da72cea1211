import PlatcFacts

/// One Kubernetes object to render, and the source files it is made from. Identity fields are
/// separate so the path and the metadata can never disagree; the body holds everything after
/// `metadata` (spec, data, rules, …) in the order the planner wrote it.
public struct KubeObject: Sendable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    /// nil for cluster-scoped kinds.
    public var namespace: String?
    public var labels: [(String, String)]
    public var annotations: [(String, String)]
    public var body: YAMLMap
    /// Platform-relative paths of the sources this object is derived from.
    public var sources: [String]
    /// A folder of out/ other than manifests/, for objects Argo CD must not sync from manifests/
    /// (its own Applications, under argocd/).
    public var folder: String?
    /// The folder of manifests/ whose Application syncs the object (`tenants-007`,
    /// ApplicationPart.folder): the pipeline sets it from the plan unit that made the object, one
    /// string per unit.
    public var applicationFolder = ApplicationPart.foundation.folder

    public init(
        _ apiVersion: String, _ kind: String, name: String, namespace: String? = nil, labels: [(String, String)] = [],
        annotations: [(String, String)] = [], body: YAMLMap = [:], sources: [String], folder: String? = nil
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
        self.body = body
        self.sources = sources
        self.folder = folder
    }

    /// `manifests/<application part>/<namespace or _cluster>/<kind>.<name>.yaml`: one object per
    /// file, named by its identity, so a review diff reads object by object and two objects can
    /// never share a file; each Application syncs its part's folder, cluster-scoped objects included.
    public var path: String { "\(folderPath)/\(kind.lowercased()).\(name).yaml" }

    /// The folder of `path`: `manifests/<part>/<namespace or _cluster>`, or `folder`.
    public var folderPath: String { folder ?? "manifests/\(applicationFolder)/\(namespace ?? "_cluster")" }

    /// The whole object: apiVersion, kind, metadata (name, namespace, sorted labels and
    /// annotations), then the body.
    public var document: YAMLValue {
        var metadata: YAMLMap = ["name": .string(name), "namespace": namespace.map(YAMLValue.string)]
        if !labels.isEmpty { metadata["labels"] = .sortedMap(labels) }
        if !annotations.isEmpty { metadata["annotations"] = .sortedMap(annotations) }
        let identity = [
            YAMLMap.Entry(key: "apiVersion", value: .string(apiVersion)), YAMLMap.Entry(key: "kind", value: .string(kind)),
            YAMLMap.Entry(key: "metadata", value: .map(metadata)),
        ]
        return .map(YAMLMap(identity + body.entries))
    }
}
