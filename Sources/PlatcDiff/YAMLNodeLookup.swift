import PlatcSpec

/// Reading a rendered file's fields by key: what the route summary and the Application ownership
/// need from a composed document, and nothing more.
extension YAMLNode {
    /// The value of `key` in a mapping.
    subscript(key key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.text == key }?.value
    }

    var items: [YAMLNode] {
        guard case .sequence(let items) = content else { return [] }
        return items
    }

    var text: String? {
        guard case .scalar(let text, _) = content else { return nil }
        return text
    }
}
