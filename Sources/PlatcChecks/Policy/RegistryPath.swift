import PlatcSpec

extension PolicyChecks {
    /// Where an image is really pulled from, as path components (`["docker.io", "library", "nginx"]`),
    /// read the way container runtimes read a reference (distribution/reference's normalization):
    /// - a first component with a `.` or `:`, or `localhost`, is the registry host;
    /// - otherwise the image is on Docker Hub, `docker.io`, and that component is a namespace;
    /// - `index.docker.io` is `docker.io`;
    /// - a Docker Hub image without a namespace is in `library` (`docker.io/nginx` → `docker.io/library/nginx`).
    struct RegistryPath: Equatable, CustomStringConvertible {
        var components: [String]

        static let dockerHub = "docker.io"

        /// The repository of an image reference (tag and digest dropped).
        init(image: ImageReference) {
            var parts = Self.hostAndPath(image.registry + "/" + image.repository)
            if parts[0] == Self.dockerHub, parts.count == 2 { parts.insert("library", at: 1) }
            components = parts
        }

        /// An entry of `policy.allowedRegistries`. Its host is read like an image's, but no `library/`
        /// is implied: `docker.io/vllm` means the vllm namespace, not `library/vllm`.
        init(prefix: String) {
            components = Self.hostAndPath(prefix)
        }

        private static func hostAndPath(_ text: String) -> [String] {
            var parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let first = parts[0]
            if first == "index.docker.io" {
                parts[0] = dockerHub
            } else if !(first.contains(".") || first.contains(":") || first == "localhost") {
                parts.insert(dockerHub, at: 0)
            }
            return parts
        }

        /// Whether this image lies under `prefix`, comparing whole components: `registry.example.com`
        /// covers `registry.example.com/x` but not `registry.example.com.evil.io/x` or
        /// `registry.example.com:5000/x`. An official Docker Hub image also matches as written
        /// without `library/`, so `docker.io/nginx` may be allowed by that name.
        func isUnder(_ prefix: RegistryPath) -> Bool {
            if components.starts(with: prefix.components) { return true }
            guard components.count == 3, components[0] == Self.dockerHub, components[1] == "library" else { return false }
            return [components[0], components[2]].starts(with: prefix.components)
        }

        /// Whether the reference as written names no registry host (and so means Docker Hub).
        static func namesNoHost(_ image: ImageReference) -> Bool {
            !(image.registry.contains(".") || image.registry.contains(":") || image.registry == "localhost")
        }

        var description: String { components.joined(separator: "/") }
    }
}
