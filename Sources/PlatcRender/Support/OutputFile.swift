import PlatcSpec

/// A file of out/ that is not a Kubernetes object and so lives outside manifests/, where Argo CD
/// would try to apply it: e.g. `litellm/config.yaml` (for review and for LiteLLM's own check) and
/// `litellm/teams.json`.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        /// Emitted through libyaml after the generated-by header.
        case yaml(YAMLValue)
        /// Two-space indented JSON and a final newline. JSON has no comments, so no header:
        /// out/README.md lists these files as generated.
        case json(JSONValue)
        /// Written as given (HTML, Markdown): the text carries its own generated-by notice in
        /// its format's comment syntax.
        case text(String)
    }

    public var path: String
    /// Platform-relative paths of the sources the file is derived from.
    public var sources: [String]
    public var contents: Contents

    public init(path: String, sources: [String], contents: Contents) {
        self.path = path
        self.sources = sources
        self.contents = contents
    }

    func artifact() -> Artifact {
        switch contents {
        case .yaml(let document): Artifact.yaml(path: path, sources: sources, document: document)
        case .json(let value): Artifact(path: path, bytes: Array((value.serialized() + "\n").utf8))
        case .text(let text): Artifact(path: path, bytes: Array(text.utf8))
        }
    }
}
