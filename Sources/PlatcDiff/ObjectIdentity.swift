/// What a file in out/ is: a Kubernetes object (apiVersion, kind, namespace, name) or, for
/// the LiteLLM config, the catalog and the README, just a file.
public struct ObjectIdentity: Hashable, Sendable, Comparable {
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

    public static func < (a: ObjectIdentity, b: ObjectIdentity) -> Bool {
        (a.kind ?? "", a.namespace ?? "", a.name ?? "", a.apiVersion ?? "") < (b.kind ?? "", b.namespace ?? "", b.name ?? "", b.apiVersion ?? "")
    }
}
