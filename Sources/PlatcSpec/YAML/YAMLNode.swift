/// A YAML node with the span it came from. Built by `YAMLComposer` from libyaml's events.
public struct YAMLNode: Sendable {
    public enum ScalarStyle: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public struct Pair: Sendable {
        public var key: YAMLNode
        public var value: YAMLNode
    }

    public enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case mapping([Pair])
        case sequence([YAMLNode])
    }

    public var content: Content
    public var span: SourceSpan
    /// An explicit tag (`!!str`, `!custom`), if the source wrote one.
    public var tag: String?
    /// Nodes in this subtree with aliases expanded; bounds the work of any walk over it.
    public var weight: Int

    /// A plain scalar that YAML reads as null: empty, `~`, `null`.
    public var isNull: Bool {
        guard case .scalar(let text, .plain) = content, tag == nil else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// What the node is, in words for an error message: "a mapping", "the string \"x\"".
    public var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let text, let style):
            if isNull { return "null" }
            if style == .plain {
                if text == "true" || text == "false" { return "the boolean \(text)" }
                if Int64(text) != nil { return "the integer \(text)" }
                if Double(text) != nil { return "the number \(text)" }
            }
            let shown = text.count > 40 ? String(text.prefix(37)) + "..." : text
            return "the string \"\(shown)\""
        }
    }
}
