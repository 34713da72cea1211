/// A NetworkPolicy peer: pods with one label in one namespace, the namespace chosen by
/// `kubernetes.io/metadata.name`, which the API server sets and nobody can forge on another
/// namespace. Both selectors in one peer, so they AND (two peers would OR).
enum NetworkPeer {
    static func pods(_ label: (String, String), inNamespace namespace: String) -> YAMLValue {
        [
            "namespaceSelector": ["matchLabels": .sortedMap([("kubernetes.io/metadata.name", namespace)])],
            "podSelector": ["matchLabels": .sortedMap([label])],
        ]
    }
}
