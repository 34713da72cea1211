import PlatcSpec
import PlatcTestSupport

/// Seeded image references and `policy.allowedRegistries` entries for the agreement test. Both are
/// drawn from one small vocabulary so that images and entries often share hosts and paths, and
/// the look-alikes land next to what they imitate: `registry.example.com` beside
/// `registry.example.com.evil.io` and `registry.example.com:5000`, `ml` beside `mlx`,
/// `docker.io` beside `index.docker.io` and hostless names, `localhost` beside `localhostx`.
struct ImageCaseGenerator {
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// First components a runtime reads as a registry host (a `.` or `:`, or `localhost`).
    static let hosts = [
        "registry.example.com", "registry.example.com.evil.io", "registry.example.com:5000", "reg:5000", "reg.io", "localhost",
        "localhost:5000", "docker.io", "index.docker.io", "quay.io", "127.0.0.1:5000",
    ]
    /// First components a runtime reads as a Docker Hub namespace.
    static let namespaces = ["vllm", "library", "nginx", "ml", "mlx", "registry", "localhostx", "docker", "index"]
    static let components = [
        "x", "y", "vllm", "vllm-openai", "library", "nginx", "ml", "mlx", "models", "models-old", "a.b", "a_b", "a__b", "a--b",
    ]
    static let tags = ["latest", "v0.11.0", "1.25", "V1_x", "5000"]
    static let digest = "@sha256:" + String(repeating: "0123456789abcdef", count: 4)

    /// An image reference the loader accepts (`registry/path[:tag][@digest]`, two components or more).
    mutating func image() -> String {
        let first = Bool.random(using: &random) ? pick(Self.hosts) : pick(Self.namespaces)
        let depth = Int.random(in: 1...3, using: &random)
        return ([first] + (0..<depth).map { _ in pick(Self.components) }).joined(separator: "/") + suffix()
    }

    /// An image under one of `entries` half the time (often admitted, and Docker Hub's spellings
    /// of it exchanged), otherwise any `image()`.
    mutating func image(near entries: [String]) -> String {
        guard Bool.random(using: &random) else { return image() }
        let path = (0..<Int.random(in: 1...2, using: &random)).map { _ in "/" + pick(Self.components) }.joined()
        var text = pick(entries) + path
        let hub = ["docker.io/", "index.docker.io/", ""]
        if let spelling = hub.first(where: { !$0.isEmpty && text.hasPrefix($0) }) {
            let rest = String(text.dropFirst(spelling.count))
            let other = pick(hub)
            // Not when the loader would refuse it (`a_b/x`: a first component is read as a host name).
            if StringFormat.imageReference.accepts(other + rest) { text = other + rest }
        }
        return text + suffix()
    }

    /// A reference a container runtime accepts but the loader does not: a single name (`nginx`,
    /// Docker Hub's official images), an uppercase first component (a host, for a runtime), a
    /// bracketed IPv6 host.
    mutating func runtimeOnlyImage() -> String {
        let path = (0..<Int.random(in: 0...2, using: &random)).map { _ in "/" + pick(Self.components) }.joined()
        switch Int.random(in: 0..<4, using: &random) {
        case 0, 1: return pick(Self.components + Self.namespaces + ["localhost", "reg.io"]) + suffix()
        case 2: return pick(["Vllm", "MyHub", "DOCKER.IO"]) + "/" + pick(Self.components) + path + suffix()
        default: return "[::1]:5000/" + pick(Self.components) + path + suffix()
        }
    }

    /// One `policy.allowedRegistries` entry: a host or a Docker Hub namespace, then up to two components.
    mutating func entry() -> String {
        let first = Int.random(in: 0..<5, using: &random) < 3 ? pick(Self.hosts) : pick(Self.namespaces)
        return ([first] + (0..<Int.random(in: 0...2, using: &random)).map { _ in pick(Self.components) }).joined(separator: "/")
    }

    /// One to three distinct entries, most often one.
    mutating func entries() -> [String] {
        var chosen: [String] = []
        let count = [1, 1, 1, 2, 2, 3].randomElement(using: &random)!
        while chosen.count < count {
            let next = entry()
            if !chosen.contains(next) { chosen.append(next) }
        }
        return chosen
    }

    private mutating func suffix() -> String {
        let tag = Bool.random(using: &random) ? ":" + pick(Self.tags) : ""
        return tag + (Bool.random(using: &random) ? Self.digest : "")
    }

    private mutating func pick(_ items: [String]) -> String { items.randomElement(using: &random)! }
}
