import PlatcSpec

/// The team reconciler: a ConfigMap with teams.json and the script, and a Job that runs the script
/// in the LiteLLM image after every Argo CD sync (PostSync hook). Rendered only when
/// `platform.litellm.image` is set. The master key comes from a Secret by reference: no secret
/// value is in any manifest.
enum TeamReconciler {
    static let mountPath = "/etc/platc-reconciler"
    /// The master key's Secret, mounted as one file: not an environment variable, which every
    /// child process inherits and /proc/<pid>/environ shows (checkov CKV_K8S_35, CIS 5.4.1).
    static let masterKeyMountPath = "/var/run/secrets/litellm"
    static let masterKeyFile = "master-key"
    /// Any non-root uid: the script only reads the mounted ConfigMap and Secret and talks HTTP.
    static let uid: Int64 = 65532
    /// 0440: the key file is readable by its group (the pod's fsGroup, this uid's) and nobody else.
    static let masterKeyFileMode: Int64 = 0o440

    static func objects(_ context: RenderContext) -> [KubeObject] {
        guard let image = context.platform.litellm.image?.value else { return [] }
        return [configMap(context), job(context, image: image)]
    }

    /// Not `app.kubernetes.io/name: litellm`: that label selects the proxy's pods (its Service,
    /// the tenants' NetworkPolicies), and the reconciler must never receive proxy traffic.
    static func labels(_ context: RenderContext) -> [(String, String)] {
        context.commonLabels + [(Conventions.nameLabel, LiteLLMNames.reconciler)]
    }

    static func configMap(_ context: RenderContext) -> KubeObject {
        KubeObject(
            "v1", "ConfigMap", name: LiteLLMNames.reconciler, namespace: context.platform.namespaces.litellm.value,
            labels: labels(context),
            body: [
                "data": [
                    LiteLLMNames.teamsKey: .string(TeamsDocument.value(context).serialized() + "\n"),
                    LiteLLMNames.scriptKey: .string(ReconcileScript.text),
                ]
            ],
            sources: ProxyConfig.sources(context))
    }

    static func job(_ context: RenderContext, image: String) -> KubeObject {
        let platform = context.platform
        return KubeObject(
            "batch/v1", "Job", name: LiteLLMNames.reconciler, namespace: platform.namespaces.litellm.value,
            labels: labels(context),
            annotations: [
                // After every sync, once the ConfigMaps (and so the proxy's config) are applied.
                (Conventions.argocdHookAnnotation, "PostSync"),
                // A Job's pod template is immutable: delete the previous run before creating the next.
                (Conventions.argocdHookDeletePolicyAnnotation, "BeforeHookCreation"),
            ],
            body: [
                "spec": [
                    // Bounded: two retries, and at most 10 minutes in all (the readiness wait is 5).
                    "backoffLimit": 2,
                    "activeDeadlineSeconds": 600,
                    "template": [
                        "metadata": ["labels": .sortedMap(labels(context))],
                        "spec": podSpec(context, image: image),
                    ],
                ]
            ],
            sources: [context.platformSource])
    }

    static func podSpec(_ context: RenderContext, image: String) -> YAMLValue {
        let platform = context.platform
        return [
            "restartPolicy": "Never",
            // The script never calls the Kubernetes API: no token to steal.
            "automountServiceAccountToken": false,
            // No *_SERVICE_HOST/PORT variables from the namespace's Services in the environment.
            "enableServiceLinks": false,
            "securityContext": [
                "runAsNonRoot": true, "runAsUser": .int(uid), "runAsGroup": .int(uid),
                // The Secret volume's files belong to this group, so the key can be 0440.
                "fsGroup": .int(uid),
                // The runtime's default syscall filter (Pod Security restricted requires it).
                "seccompProfile": ["type": "RuntimeDefault"],
            ],
            "containers": [
                [
                    "name": "reconcile",
                    "image": .string(image),
                    "imagePullPolicy": "IfNotPresent",
                    // -I: ignore PYTHON* variables and user site-packages of the image; -B: write no
                    // bytecode (read-only root); -u: unbuffered, so the log shows progress as it happens.
                    "command": ["python3", "-I", "-B", "-u", .string("\(mountPath)/\(LiteLLMNames.scriptKey)")],
                    "env": environment(platform),
                    "resources": [
                        "requests": ["cpu": "100m", "memory": "128Mi"],
                        "limits": ["cpu": "100m", "memory": "128Mi"],
                    ],
                    "securityContext": [
                        "runAsNonRoot": true, "runAsUser": .int(uid), "runAsGroup": .int(uid),
                        // No setuid binary or file capability can raise privileges.
                        "allowPrivilegeEscalation": false,
                        // An HTTP client needs no Linux capability.
                        "capabilities": ["drop": ["ALL"]],
                        // Nothing to write: the script and the document are read from the ConfigMap.
                        "readOnlyRootFilesystem": true,
                        "seccompProfile": ["type": "RuntimeDefault"],
                    ],
                    "volumeMounts": [
                        ["name": "reconciler", "mountPath": .string(mountPath), "readOnly": true],
                        ["name": "master-key", "mountPath": .string(masterKeyMountPath), "readOnly": true],
                    ],
                ]
            ],
            "volumes": [
                ["name": "reconciler", "configMap": ["name": .string(LiteLLMNames.reconciler)]],
                masterKeyVolume(platform),
            ],
        ]
    }

    /// By reference only: the Secret is the platform team's, platc never reads it. One key, at a
    /// fixed file name, so the script is the same for every platform.
    static func masterKeyVolume(_ platform: Platform) -> YAMLValue {
        let key = platform.litellm.masterKeyRef
        return [
            "name": "master-key",
            "secret": [
                "secretName": .string(key.name.value),
                "items": [["key": .string(key.key.value), "path": .string(masterKeyFile)]],
                "defaultMode": .int(masterKeyFileMode),
            ],
        ]
    }

    static func environment(_ platform: Platform) -> YAMLValue {
        [
            ["name": "LITELLM_URL", "value": .string(LiteLLMNames.proxyURL(platform))],
            // Where the key is, never the key itself.
            ["name": "LITELLM_MASTER_KEY_FILE", "value": .string("\(masterKeyMountPath)/\(masterKeyFile)")],
            ["name": "TEAMS_FILE", "value": .string("\(mountPath)/\(LiteLLMNames.teamsKey)")],
            ["name": "PLATC_PLATFORM", "value": .string(platform.name.value)],
            ["name": "READY_TIMEOUT_SECONDS", "value": "300"],
            ["name": "READY_INTERVAL_SECONDS", "value": "5"],
        ]
    }
}
