import PlatcSpec

/// Where an image is really pulled from, read the way container runtimes read a reference
/// (distribution/reference, normalize.go: `splitDockerDomain`, which Docker, containerd and CRI-O
/// use). Written once, as `TextRewrite` steps: `platc check` runs them in Swift and the Kyverno
/// policy evaluates the same steps printed as CEL, so the check and the policy cannot disagree.
///
///     registry.example.com/vllm/vllm-openai:v1@sha256:…  →  registry.example.com/vllm/vllm-openai
///     vllm/vllm-openai                                     →  docker.io/vllm/vllm-openai
///     index.docker.io/vllm/vllm-openai                     →  docker.io/vllm/vllm-openai
///     nginx, docker.io/nginx                               →  docker.io/library/nginx
public enum ImageNormalisation {
    /// Docker Hub (`defaultDomain`), its old name (`legacyDefaultDomain`) and the namespace of
    /// its official images (`officialRepoPrefix`).
    public static let dockerHub = "docker.io"
    public static let legacyDockerHub = "index.docker.io"
    public static let officialNamespace = "library"
    /// Always a host, though it has no `.` or `:`.
    public static let localhost = "localhost"

    public struct Step: Sendable {
        /// What the text is after this step; the policy's variable of that name holds it.
        public var name: String
        public var rewrite: TextRewrite
    }

    /// `@digest` dropped: a digest follows the first `@`.
    public static let dropDigest = Step(name: "taggedNames", rewrite: .beforeFirst("@", in: .input))

    /// `:tag` dropped: a tag follows a `:` after the last `/` (an earlier `:` is a port).
    public static let dropTag = Step(
        name: "names", rewrite: .choose(.lastAfter(.input, ":", "/"), then: .beforeLast(":", in: .input), else: .input))

    /// A first component that is no host is a Docker Hub namespace (or, alone, an official image).
    public static let addHost = Step(
        name: "hostedNames", rewrite: .choose(namesHost, then: .input, else: .concat(.literal(dockerHub + "/"), .input)))

    /// `index.docker.io` is Docker Hub.
    public static let renameLegacyHost = Step(
        name: "hubNames",
        rewrite: .choose(
            .startsWith(.input, legacyDockerHub + "/"), then: .concat(.literal(dockerHub + "/"), .afterFirst("/", in: .input)),
            else: .input))

    /// A Docker Hub repository without a namespace is an official image, in `library/`.
    public static let addOfficialNamespace = Step(
        name: "repositories",
        rewrite: .choose(
            .all([.startsWith(.input, dockerHub + "/"), .not(.contains(.afterFirst("/", in: .input), "/"))]),
            then: .concat(.literal(dockerHub + "/" + officialNamespace + "/"), .afterFirst("/", in: .input)), else: .input))

    /// From an image reference as written to the repository it is pulled from, in this order.
    public static let steps = [dropDigest, dropTag, addHost, renameLegacyHost, addOfficialNamespace]
    /// The steps that find the host, which also read `policy.allowedRegistries` entries.
    public static let hostSteps = [addHost, renameLegacyHost]

    /// Whether the name (no tag or digest) starts with a registry host: a first component before a
    /// `/` that has a `.` or `:` (`example.com`, `example:5000`, `[::1]:5000`), is `localhost`,
    /// or has a capital letter (namespaces are lowercase, so it must be a host).
    public static let namesHost: TextTest = {
        let first = TextRewrite.beforeFirst("/", in: .input)
        return .all([
            .contains(.input, "/"),
            .any([.contains(first, "."), .contains(first, ":"), .equals(first, localhost), .not(.isLowercase(first))]),
        ])
    }()

    /// The repository `image` is pulled from (`docker.io/library/nginx`), or nil where the CEL
    /// would fail (which the policy counts as a violation).
    public static func repository(of image: String) -> String? { apply(steps, to: image) }

    /// Whether the reference as written names no registry host (and so means Docker Hub).
    public static func namesNoHost(_ image: String) -> Bool {
        apply([dropDigest, dropTag], to: image).flatMap(namesHost.holds) == false
    }

    /// `text` after `steps`, in order; nil once one fails.
    public static func apply(_ steps: [Step], to text: String) -> String? {
        steps.reduce(Optional(text)) { text, step in text.flatMap(step.rewrite.apply) }
    }

    // MARK: - Digests

    /// `@sha256:` and 64 lowercase hex digits at the very end, as the loader writes a digest.
    public static func isPinned(_ image: String) -> Bool {
        let digits = image.unicodeScalars.suffix(ImageReference.digestHexDigits)
        let marker = "@" + ImageReference.digestAlgorithm + ":"
        return digits.count == ImageReference.digestHexDigits
            && digits.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
            && image.unicodeScalars.dropLast(ImageReference.digestHexDigits).reversed().starts(with: marker.unicodeScalars.reversed())
    }

    /// `isPinned` as CEL, on the value of the CEL expression `image`.
    public static func celIsPinned(_ image: String) -> String {
        let pattern = "@\(ImageReference.digestAlgorithm):[0-9a-f]{\(ImageReference.digestHexDigits)}$"
        return "\(image).matches(\(CELText.string(pattern)))"
    }
}
