import PlatcSpec

/// What a file in out/ is: a Kubernetes object (apiVersion, kind, namespace, name) or, for
/// the LiteLLM config, the catalog and the README, just a file.
public struct ObjectIdentity: Hashable, Sendable {
    public var apiVersion: String?
    public var kind: String?
    public var namespace: String?
    public var name: String?

    public init(apiVersion: String? = nil, kind: String? = nil, namespace: String? = nil, name: String? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    public var isKubernetesObject: Bool { kind != nil && name != nil }

    /// The API group: "" for the core group (`v1`), else what precedes the version.
    public var group: String? {
        guard let apiVersion else { return nil }
        guard let slash = apiVersion.lastIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// "ClusterQueue search", "Deployment llm-serving/qwen3": how reports name an object.
    public var displayName: String? {
        guard let kind, let name else { return nil }
        return "\(kind) " + (namespace.map { "\($0)/" } ?? "") + name
    }

    /// Reads the identity of a YAML manifest; a file that is not one (HTML, Markdown, JSON
    /// without `kind`, YAML that does not parse after a hand edit) has an empty identity.
    public static func read(path: String, bytes: [UInt8]) -> ObjectIdentity { OutFile(path: path, bytes: bytes).identity }

    /// Manifests are YAML files; JSON in out/ is data (teams.json), never an object.
    static func isManifestPath(_ path: String) -> Bool { path.hasSuffix(".yaml") || path.hasSuffix(".yml") }

    /// The identity a composed document declares, or an empty one.
    init(document: YAMLNode?) {
        self.init()
        guard case .mapping(let top)? = document?.content else { return }
        let metadata = top.first { Self.scalar($0.key) == "metadata" }.map(\.value)
        var fields: [YAMLNode.Pair] = []
        if case .mapping(let pairs)? = metadata?.content { fields = pairs }
        func value(_ pairs: [YAMLNode.Pair], _ key: String) -> String? {
            pairs.first { Self.scalar($0.key) == key }.flatMap { Self.scalar($0.value) }
        }
        let identity = ObjectIdentity(
            apiVersion: value(top, "apiVersion"), kind: value(top, "kind"), namespace: value(fields, "namespace"),
            name: value(fields, "name"))
        if identity.isKubernetesObject { self = identity }
    }

    private static func scalar(_ node: YAMLNode) -> String? {
        if case .scalar(let text, _) = node.content { return text }
        return nil
    }
}
