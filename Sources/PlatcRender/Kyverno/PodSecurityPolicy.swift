/// Pod Security Standards `restricted`, in CEL, for every namespace platc renders restricted
/// (tenants and serving). The namespaces already carry Pod Security Admission labels; this is
/// the defence in depth that also reports (background scan) and catches Deployments and Jobs at
/// sync time, where PSA only warns. One validation per control, so a report names what to fix.
/// Covers containers, initContainers and ephemeralContainers.
enum PodSecurityPolicy {
    static let allowedSeccomp = CEL.list(["RuntimeDefault", "Localhost"])
    /// The restricted profile's volume types (`image` admitted from Kubernetes 1.33,
    /// kubernetes#130394; platc's modelcars use it from 1.35).
    static let allowedVolumeTypes = [
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret",
    ]

    static func shape(_ context: RenderContext) -> ValidatingPolicyShape {
        ValidatingPolicyShape(
            name: KyvernoNames.podSecurity,
            namespaceLabels: [KyvernoNames.managedByLabel, (Conventions.podSecurityEnforceLabel, "restricted")],
            resources: ResourceRule.allWorkloads,
            variables: PodTemplateVariables.base + [
                ("podSecurity", "has(variables.podSpec.securityContext) ? variables.podSpec.securityContext : {}"),
                // Each container's securityContext, {} when it has none.
                ("contexts", "variables.containers.map(c, has(c.securityContext) ? c.securityContext : {})"),
            ],
            validations: controls.map { control in
                .init(
                    expression: control.expression, message: "\(control.name): \(control.rule)",
                    messageExpression: "variables.subject + "
                        + CEL.string(" violates Pod Security restricted (\(control.name)): \(control.fix)"))
            })
    }

    struct Control {
        var name: String
        var rule: String
        var expression: String
        /// Plain text (no quotes): what to change.
        var fix: String
    }

    static let controls: [Control] = [
        Control(
            name: "privileged", rule: "no container may run privileged.",
            expression: "variables.contexts.all(s, !has(s.privileged) || s.privileged == false)",
            fix: "remove securityContext.privileged (a privileged container is root on the node)"),
        Control(
            name: "allowPrivilegeEscalation", rule: "every container must set securityContext.allowPrivilegeEscalation: false.",
            expression: "variables.contexts.all(s, has(s.allowPrivilegeEscalation) && s.allowPrivilegeEscalation == false)",
            fix: "set securityContext.allowPrivilegeEscalation: false on every container (no setuid gains)"),
        Control(
            name: "runAsNonRoot",
            rule: "runAsNonRoot must be true on the pod or on every container, and false nowhere.",
            expression: "variables.contexts.all(s, !has(s.runAsNonRoot) || s.runAsNonRoot == true)"
                + " && ((has(variables.podSecurity.runAsNonRoot) && variables.podSecurity.runAsNonRoot == true)"
                + " || variables.contexts.all(s, has(s.runAsNonRoot) && s.runAsNonRoot == true))",
            fix: "set securityContext.runAsNonRoot: true on the pod"),
        Control(
            name: "runAsUser", rule: "runAsUser must not be 0 (root) on the pod or any container.",
            expression: "(!has(variables.podSecurity.runAsUser) || variables.podSecurity.runAsUser != 0)"
                + " && variables.contexts.all(s, !has(s.runAsUser) || s.runAsUser != 0)",
            fix: "use a non-zero runAsUser"),
        Control(
            name: "seccompProfile",
            rule: "seccompProfile.type must be RuntimeDefault or Localhost on the pod or on every container, and nothing else anywhere.",
            expression: "(!has(variables.podSecurity.seccompProfile) || variables.podSecurity.seccompProfile.type in \(allowedSeccomp))"
                + " && variables.contexts.all(s, !has(s.seccompProfile) || s.seccompProfile.type in \(allowedSeccomp))"
                + " && (has(variables.podSecurity.seccompProfile) || variables.contexts.all(s, has(s.seccompProfile)))",
            fix: "set securityContext.seccompProfile.type: RuntimeDefault on the pod"),
        Control(
            name: "capabilities drop", rule: "every container must drop ALL capabilities.",
            expression: "variables.contexts.all(s, has(s.capabilities) && has(s.capabilities.drop) && 'ALL' in s.capabilities.drop)",
            fix: "set securityContext.capabilities.drop: [ALL] on every container"),
        Control(
            name: "capabilities add", rule: "containers may add NET_BIND_SERVICE and no other capability.",
            expression: "variables.contexts.all(s, !has(s.capabilities) || !has(s.capabilities.add)"
                + " || s.capabilities.add.all(c, c == 'NET_BIND_SERVICE'))",
            fix: "add no capability except NET_BIND_SERVICE"),
        Control(
            name: "host namespaces", rule: "hostNetwork, hostPID and hostIPC must not be true.",
            expression: "['hostNetwork', 'hostPID', 'hostIPC'].all(f, !(f in variables.podSpec) || variables.podSpec[f] == false)",
            fix: "remove hostNetwork, hostPID and hostIPC (they share the node's network, processes or IPC)"),
        Control(
            name: "host ports", rule: "containers must not bind host ports.",
            expression: "variables.containers.all(c, !has(c.ports) || c.ports.all(p, !has(p.hostPort) || p.hostPort == 0))",
            fix: "remove ports[].hostPort; expose the port through a Service"),
        Control(
            name: "volume types",
            rule: "volumes may only be of the types \(allowedVolumeTypes.joined(separator: ", ")) (no hostPath).",
            expression: "!has(variables.podSpec.volumes) || variables.podSpec.volumes.all(v,"
                + " v.all(k, k == 'name' || k in \(CEL.list(allowedVolumeTypes))))",
            fix: "use only \(allowedVolumeTypes.joined(separator: ", ")) volumes (hostPath and network volumes are not allowed)"),
    ]
}
