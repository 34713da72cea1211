import PlatcSpec

/// Pod Security Admission labels for every namespace platc renders (tenants and serving), so
/// all of them are held to the same profile in the same way.
enum PodSecurityLabels {
    /// `restricted` enforced as of the platform's Kubernetes version: a cluster upgrade cannot
    /// tighten (and so break) admission without a reviewed change to platform/. Audit and warn
    /// use the newest profile, so what a future version would reject shows up in audit logs and
    /// kubectl warnings before the upgrade.
    static func restricted(_ platform: Platform) -> [(String, String)] {
        let label = Conventions.podSecurityLabelPrefix
        return [
            (label + "enforce", "restricted"), (label + "enforce-version", pinnedVersion(platform)),
            (label + "audit", "restricted"), (label + "audit-version", "latest"),
            (label + "warn", "restricted"), (label + "warn-version", "latest"),
        ]
    }

    /// `v<major>.<minor>` of the platform's `kubernetesVersion` (the language holds `1.33` or
    /// `1.33.2`); Pod Security versions name minor releases only.
    static func pinnedVersion(_ platform: Platform) -> String {
        "v" + platform.kubernetesVersion.value.split(separator: ".").prefix(2).joined(separator: ".")
    }
}
