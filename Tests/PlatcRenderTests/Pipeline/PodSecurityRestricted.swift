@testable import PlatcRender

/// The Pod Security Standards' `restricted` profile (with `baseline`, which it includes), control
/// by control as kubernetes.io/docs/concepts/security/pod-security-standards defines it, over one
/// pod spec. Written from the standard, not from platc's renderers or its Kyverno policy. Where the
/// standard allows a narrow set of values that platc never needs (SELinux types, safe sysctls,
/// Windows HostProcess false, AppArmor profiles), the field must be absent: stricter, and simpler.
enum PodSecurityRestricted {
    static let volumeTypes: Set = [
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret",
    ]
    static let seccompTypes: Set = ["RuntimeDefault", "Localhost"]

    /// `image` volumes are in the restricted allow-list from Kubernetes 1.33 (kubernetes#130394).
    static func admitsImageVolumes(_ version: String) -> Bool {
        let numbers = version.drop { $0 == "v" }.split(separator: ".").prefix(2).compactMap { Int($0) }
        return numbers.count == 2 && (numbers[0], numbers[1]) >= (1, 33)
    }

    /// Each violation as "<control>: <where>"; empty when the pod meets the profile.
    static func violations(_ pod: YAMLValue, imageVolumes: Bool) -> [String] {
        var found: [String] = []
        func require(_ ok: Bool, _ control: String, _ place: String) { if !ok { found.append("\(control): \(place)") } }
        let podContext = pod.at("securityContext") ?? [:]
        let containers = ["containers", "initContainers", "ephemeralContainers"].flatMap { kind in
            (pod.at(kind)?.listValue ?? []).map { (place: "\(kind)/\($0.at("name")?.stringValue ?? "?")", container: $0) }
        }
        let contexts = containers.map { ($0.place, $0.container.at("securityContext") ?? [:]) }

        // Baseline: host namespaces, HostProcess, SELinux, sysctls, AppArmor, privileged, /proc, host ports.
        for field in ["hostNetwork", "hostPID", "hostIPC"] { require((pod.at(field) ?? false) == false, field, "pod") }
        require(podContext.at("sysctls") == nil, "sysctls", "pod")
        for (place, context) in [("pod", podContext)] + contexts {
            require(context.at("windowsOptions") == nil, "windowsOptions", place)
            require(context.at("seLinuxOptions") == nil, "seLinuxOptions", place)
            require(context.at("appArmorProfile") == nil, "appArmorProfile", place)
        }
        for (place, context) in contexts {
            require((context.at("privileged") ?? false) == false, "privileged", place)
            require((context.at("procMount") ?? "Default") == "Default", "procMount", place)
        }
        for (place, container) in containers {
            let ports = container.at("ports")?.listValue ?? []
            require(ports.allSatisfy { ($0.at("hostPort") ?? 0) == 0 }, "hostPort", place)
        }

        // Restricted: volume types, privilege escalation, non-root, seccomp, capabilities.
        for volume in pod.at("volumes")?.listValue ?? [] {
            let types = (volume.mapValue?.entries ?? []).map(\.key).filter { $0 != "name" }
            let allowed = types.count == 1 && (volumeTypes.contains(types[0]) || (imageVolumes && types[0] == "image"))
            require(allowed, "volumes", "\(volume.at("name")?.stringValue ?? "?"): \(types)")
        }
        require(podContext.at("runAsUser") != 0, "runAsUser", "pod")
        let podNonRoot = podContext.at("runAsNonRoot") == true
        let podSeccomp = podContext.at("seccompProfile.type")?.stringValue
        require(podSeccomp == nil || seccompTypes.contains(podSeccomp!), "seccompProfile", "pod")
        for (place, context) in contexts {
            require(context.at("allowPrivilegeEscalation") == false, "allowPrivilegeEscalation", place)
            let nonRoot = context.at("runAsNonRoot")
            require(nonRoot == true || (nonRoot == nil && podNonRoot), "runAsNonRoot", place)
            require(context.at("runAsUser") != 0, "runAsUser", place)
            let seccomp = context.at("seccompProfile.type")?.stringValue ?? podSeccomp
            require(seccomp.map(seccompTypes.contains) ?? false, "seccompProfile", place)
            require(context.at("capabilities.drop")?.strings.contains("ALL") == true, "capabilities", "\(place): drop ALL")
            let added = context.at("capabilities.add")?.strings ?? []
            require(added.allSatisfy { $0 == "NET_BIND_SERVICE" }, "capabilities", "\(place): add \(added)")
        }
        return found
    }
}
