/// `policy.allowedRegistries` as repository prefixes that end in `/`, so an entry covers whole
/// path components only: `registry.example.com/` does not cover `registry.example.com.evil.io/x`
/// nor `registry.example.com:5000/x`, and `reg.io/ml/` does not cover `reg.io/mlx/y`. The check
/// uses `covers` and the policy `celCovers`, on repositories from `ImageNormalisation`.
public struct AllowedRegistries: Sendable {
    /// Sorted, each once.
    public var prefixes: [String]

    /// An entry is read with the image's host rules (`vllm` is `docker.io/vllm`, `index.docker.io`
    /// is `docker.io`; a lone first component is a host when it looks like one). A Docker Hub entry
    /// of one component is also read as an image, so `docker.io/nginx` covers the `nginx`
    /// namespace and the official image `docker.io/library/nginx`.
    public init(_ entries: [String]) {
        var prefixes: Set<String> = []
        for entry in entries {
            // The entry's own `/` makes a lone first component a candidate host, as in `reg:5000/x`.
            guard let path = ImageNormalisation.apply(ImageNormalisation.hostSteps, to: entry + "/") else { continue }
            prefixes.insert(path)
            if let official = ImageNormalisation.addOfficialNamespace.rewrite.apply(to: String(path.dropLast())) {
                prefixes.insert(official + "/")
            }
        }
        self.prefixes = prefixes.sorted()
    }

    /// Whether a repository (`ImageNormalisation.repository(of:)`) lies under an entry.
    public func covers(_ repository: String) -> Bool {
        let path = (repository + "/").unicodeScalars
        return prefixes.contains { path.starts(with: $0.unicodeScalars) }
    }

    /// `covers` as CEL, on the value of the CEL expression `repository`.
    public func celCovers(_ repository: String) -> String {
        "[" + prefixes.map(CELText.string).joined(separator: ", ") + "].exists(p, (\(repository) + '/').startsWith(p))"
    }

    /// Whether an image as written lies under an entry: `covers` of `ImageNormalisation.repository(of:)`,
    /// nil where that fails.
    public func covers(image: String) -> Bool? { ImageNormalisation.repository(of: image).map(covers) }

    /// `covers(image:)` as one CEL expression, on the value of the CEL expression `image`: the
    /// image in a one-element list, mapped through each step of `ImageNormalisation.steps` in turn
    /// (so no step repeats the text of the one before, as the policy's variables do), then
    /// `celCovers`. For the signature policy's `matchImageReferences`, which has no variables.
    public func celCovers(image: String) -> String {
        ImageNormalisation.steps.reduce("[\(image)]") { $0 + ".map(i, \($1.rewrite.cel("i")))" } + ".exists(r, \(celCovers("r")))"
    }
}
