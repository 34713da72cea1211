/// The string formats of the language: each has a checker, a JSON Schema pattern and a hint.
public enum StringFormat: String, Sendable, CaseIterable {
    /// Any non-empty text.
    case text
    /// A DNS-1123 label: ≤ 63 lowercase alphanumerics or '-', starting and ending alphanumeric.
    case dnsLabel
    /// A tenant-facing model alias (LiteLLM `model_name`): lowercase, may hold '.', '_' and '/'.
    case modelAlias
    /// A Kubernetes label key: optional DNS prefix and '/', then a name of ≤ 63 characters.
    case labelKey
    /// A Kubernetes label value: ≤ 63 alphanumerics, '-', '_' or '.', may be empty.
    case labelValue
    /// An OCI image reference: `registry/repo[:tag][@sha256:<64 hex>]`.
    case imageReference
    /// An `http(s)://` or `ssh://`/`git@` URL.
    case url
    /// An `http://` or `https://` URL with a host, e.g. a provider's API base.
    case httpURL
    /// A hostname (DNS-1123 subdomain), e.g. `llm.example.com`.
    case hostname
    /// A `major.minor` or `major.minor.patch` version, e.g. `1.33` or `0.11.0`.
    case version
    /// A Kubernetes version platc can render for: `1.29` or later, patch optional (native sidecar
    /// containers carry the modelcar weights; Kueue v1beta2 needs 1.29 too).
    case kubernetesVersion
    /// A relative file path inside the platform root.
    case relativePath
    /// A budget period as LiteLLM reads it: a number and `h`, `d` or `mo`, e.g. `30d`, `1mo`.
    case budgetPeriod
    /// A model id as vLLM serves it (`--served-model-name`), e.g. `meta-llama/Llama-3.1-8B-Instruct`.
    case servedModelName
    /// A registry host with an optional path prefix, e.g. `registry.example.com/models`.
    case registryPrefix
    /// A key of a Secret's or ConfigMap's data: ≤ 253 letters, digits, '-', '_' or '.'.
    case dataKey
    /// A container environment variable name: a C identifier (letter or '_', then letters, digits, '_').
    case environmentVariable

    public var pattern: String? {
        switch self {
        case .text: nil
        case .dnsLabel: "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"
        case .modelAlias: "^[a-z0-9]([-a-z0-9._/]{0,126}[a-z0-9])?$"
        case .labelKey: "^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"
        case .labelValue: "^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$"
        case .imageReference:
            "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*(:[0-9]+)?(/[a-z0-9]+([._-]+[a-z0-9]+)*)+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$"
        case .url: "^(https?|ssh)://[^\\s]+$|^git@[^\\s]+:[^\\s]+$"
        case .httpURL: "^https?://[^\\s/?#]+[^\\s]*$"
        case .hostname: "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$"
        case .version: "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$"
        case .kubernetesVersion: "^1\\.(29|[3-9][0-9]|[1-9][0-9]{2})(\\.[0-9]{1,6})?$"
        case .relativePath: "^[^/\\s][^\\s]*$"
        case .budgetPeriod: "^[1-9][0-9]{0,3}(h|d|mo)$"
        case .servedModelName: "^[A-Za-z0-9]([-A-Za-z0-9._/]{0,126}[A-Za-z0-9])?$"
        case .registryPrefix:
            "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*(:[0-9]+)?(/[a-z0-9]+([._-]+[a-z0-9]+)*)*$"
        case .dataKey: "^[-._a-zA-Z0-9]{1,253}$"
        case .environmentVariable: "^[A-Za-z_][A-Za-z0-9_]{0,252}$"
        }
    }

    /// What the format is, for messages: "is not a DNS-1123 label".
    public var noun: String {
        switch self {
        case .text: "text"
        case .dnsLabel: "a DNS-1123 label"
        case .modelAlias: "a model alias"
        case .labelKey: "a Kubernetes label key"
        case .labelValue: "a Kubernetes label value"
        case .imageReference: "an image reference"
        case .url: "a URL"
        case .httpURL: "an http(s) URL"
        case .hostname: "a hostname"
        case .version: "a version"
        case .kubernetesVersion: "a Kubernetes minor version of 1.29 or later"
        case .relativePath: "a relative path"
        case .budgetPeriod: "a budget period"
        case .servedModelName: "a served model name"
        case .registryPrefix: "a registry (host[/path])"
        case .dataKey: "a Secret data key"
        case .environmentVariable: "an environment variable name"
        }
    }

    public var hint: String {
        switch self {
        case .text: "write some text"
        case .dnsLabel: "use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit"
        case .modelAlias: "use lowercase letters, digits, '-', '.', '_' or '/', starting and ending with a letter or digit"
        case .labelKey: "write [prefix/]name, e.g. nvidia.com/gpu.product"
        case .labelValue: "use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit"
        case .imageReference: "write registry/repository@sha256:<64 hex digits>, e.g. registry.example.com/vllm/vllm-openai@sha256:…"
        case .url: "write an https:// or ssh:// URL"
        case .httpURL: "write an https:// URL, e.g. https://api.anthropic.com"
        case .hostname: "write a lowercase DNS name, e.g. llm.example.com"
        case .version: "write major.minor or major.minor.patch, e.g. 1.33 or 0.11.0"
        case .kubernetesVersion:
            "write the cluster's minor version, e.g. \"1.33\"; platc renders native sidecars and Kueue v1beta2, which need 1.29 or later"
        case .relativePath: "write a path relative to this file, e.g. llama-3-1-8b/config.json"
        case .budgetPeriod: "write a number and h, d or mo, e.g. 1d, 30d or 1mo"
        case .servedModelName: "use letters, digits, '-', '.', '_' or '/', e.g. meta-llama/Llama-3.1-8B-Instruct"
        case .registryPrefix: "write a registry host with an optional path, e.g. registry.example.com/models"
        case .dataKey: "use at most 253 letters, digits, '-', '_' or '.', e.g. LITELLM_MASTER_KEY"
        case .environmentVariable: "use letters, digits and '_', not starting with a digit, e.g. VLLM_LOGGING_LEVEL"
        }
    }

    public func accepts(_ text: String) -> Bool {
        switch self {
        case .text: return !text.isEmpty
        case .dnsLabel: return Self.isDNSLabel(text)
        case .modelAlias:
            return Self.bounded(text, 1...128) && Self.edgesAlphanumeric(text, lowercase: true)
                && text.utf8.allSatisfy { Self.isLowerAlnum($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F || $0 == 0x2F }
        case .labelKey:
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2, let name = parts.last else { return false }
            if parts.count == 2, !Self.isSubdomain(String(parts[0])) { return false }
            return Self.isLabelName(String(name), allowEmpty: false)
        case .labelValue: return Self.isLabelName(text, allowEmpty: true)
        case .imageReference: return ImageReference.parse(text) != nil
        case .url:
            return
                (text.hasPrefix("https://") || text.hasPrefix("http://") || text.hasPrefix("ssh://")
                || (text.hasPrefix("git@") && text.contains(":")))
                && !text.contains(where: \.isWhitespace) && text.count > 8
        case .httpURL:
            let rest = text.hasPrefix("https://") ? text.dropFirst(8) : text.hasPrefix("http://") ? text.dropFirst(7) : nil
            guard let rest, let first = rest.first, !"/?#".contains(first) else { return false }
            return !text.contains(where: \.isWhitespace)
        case .hostname: return Self.isSubdomain(text)
        case .version:
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            return (2...3).contains(parts.count)
                && parts.allSatisfy { !$0.isEmpty && $0.count <= 6 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        case .kubernetesVersion:
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count), parts[0] == "1", parts[1].count <= 3, parts[1].first != "0",
                parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                let minor = Int(parts[1])
            else { return false }
            return minor >= 29
        case .relativePath:
            return !text.isEmpty && !text.hasPrefix("/") && !text.contains(where: \.isWhitespace)
        case .budgetPeriod:
            let (number, unit) = splitNumberAndUnit(Substring(text))
            return ["h", "d", "mo"].contains(unit) && (1...4).contains(number.count)
                && !number.hasPrefix("0") && !number.contains(".")
        case .servedModelName:
            return Self.bounded(text, 1...128) && Self.edgesAlphanumeric(text, lowercase: false)
                && text.utf8.allSatisfy { Self.isAlnum($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F || $0 == 0x2F }
        case .registryPrefix:
            let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let host = parts[0].split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard Self.isSubdomain(String(host[0])) || host[0] == "localhost" else { return false }
            if host.count == 2, host[1].isEmpty || !host[1].allSatisfy({ $0.isASCII && $0.isNumber }) { return false }
            return parts.count == 1 || parts[1].split(separator: "/", omittingEmptySubsequences: false).allSatisfy(Self.isPathComponent)
        case .dataKey:
            return Self.bounded(text, 1...253)
                && text.utf8.allSatisfy { Self.isAlnum($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F }
        case .environmentVariable:
            guard let first = text.utf8.first, Self.bounded(text, 1...253), !(0x30...0x39).contains(first) else { return false }
            return text.utf8.allSatisfy { Self.isAlnum($0) || $0 == 0x5F }
        }
    }

    // MARK: - Character classes

    static func isLowerAlnum(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
    static func isAlnum(_ byte: UInt8) -> Bool { isLowerAlnum(byte) || (0x41...0x5A).contains(byte) }

    static func bounded(_ text: String, _ range: ClosedRange<Int>) -> Bool { range.contains(text.utf8.count) }

    static func edgesAlphanumeric(_ text: String, lowercase: Bool) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        let ok = lowercase ? isLowerAlnum : isAlnum
        return ok(first) && ok(last)
    }

    public static func isDNSLabel(_ text: String) -> Bool {
        bounded(text, 1...63) && edgesAlphanumeric(text, lowercase: true)
            && text.utf8.allSatisfy { isLowerAlnum($0) || $0 == 0x2D }
    }

    static func isSubdomain(_ text: String) -> Bool {
        bounded(text, 1...253)
            && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
                isDNSLabel(String($0))
            }
    }

    /// An image path component: lowercase alphanumerics joined by single runs of '.', '_' or '-'.
    static func isPathComponent(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last, isLowerAlnum(first), isLowerAlnum(last) else { return false }
        return text.utf8.allSatisfy { isLowerAlnum($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    static func isLabelName(_ text: String, allowEmpty: Bool) -> Bool {
        if text.isEmpty { return allowEmpty }
        return bounded(text, 1...63) && edgesAlphanumeric(text, lowercase: false)
            && text.utf8.allSatisfy { isAlnum($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
    }
}
