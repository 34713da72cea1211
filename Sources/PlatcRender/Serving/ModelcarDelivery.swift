import PlatcFacts
import PlatcSpec

/// How the OCI modelcar images (the model's weights, and each LoRA adapter) reach vLLM.
///
/// Both ways read the files the image holds under `/models` (KServe's modelcar layout) and show
/// them to vLLM at `/mnt/models` and `/mnt/adapters/<name>`; the image is pinned by digest, so
/// `IfNotPresent` never serves stale weights.
enum ModelcarDelivery: Equatable {
    /// A Kubernetes image volume (KEP-4639), mounted read-only with subPath `models`.
    case imageVolume
    /// KServe's modelcar: the image runs as a sidecar that keeps running, and vLLM reads its root
    /// filesystem through /proc/<pid>/root (shareProcessNamespace) via a symlink in a shared emptyDir.
    case sidecar

    /// The first Kubernetes minor version whose ImageVolume feature gate is on by default (beta
    /// in 1.35; alpha from 1.31 and beta-but-off in 1.33–1.34). `auto` never relies on a gate a
    /// cluster admin must turn on; Pod Security `restricted` admits image volumes from 1.33.
    static let imageVolumeDefaultOn = (major: 1, minor: 35)

    static func of(_ platform: Platform) -> ModelcarDelivery {
        switch platform.modelcar.delivery.value {
        case .imageVolume: .imageVolume
        case .sidecar: .sidecar
        case .auto: imageVolumesOnByDefault(platform.kubernetesVersion.value) ? .imageVolume : .sidecar
        }
    }

    /// "1.35", "1.36.2", "v1.35" → at least 1.35; anything unreadable → false (the sidecar works everywhere).
    static func imageVolumesOnByDefault(_ version: String) -> Bool {
        let numbers = version.drop { $0 == "v" }.split(separator: ".").prefix(2).map { Int($0) }
        guard numbers.count == 2, let major = numbers[0], let minor = numbers[1] else { return false }
        return (major, minor) >= imageVolumeDefaultOn
    }
}

/// One OCI image to mount: the model or an adapter.
struct Modelcar {
    /// Volume and container name stem: `model`, `adapter-0`, `adapter-1`, … (adapter names can be
    /// 63 characters, too long once prefixed; the index is stable for a given model file).
    var id: String
    var image: String
    /// Where vLLM sees the files.
    var mountPath: String

    /// Path of the files inside every modelcar image (KServe's convention).
    static let imagePath = "models"
    static let modelPath = "/mnt/models"
    static let adaptersPath = "/mnt/adapters"
    /// The sidecar way: one emptyDir at /mnt holds the symlinks, shared by vLLM and the sidecars.
    static let linksVolume = "modelcar-links"
    static let linksMountPath = "/mnt"

    static func all(_ model: Model) -> [Modelcar] {
        [Modelcar(id: "model", image: model.source.modelcar.value, mountPath: modelPath)]
            + (model.lora?.adapters ?? []).enumerated().map { index, adapter in
                Modelcar(id: "adapter-\(index)", image: adapter.image.value, mountPath: "\(adaptersPath)/\(adapter.name.value)")
            }
    }

    // Image volumes.

    var imageVolume: YAMLValue {
        ["name": .string(id), "image": ["reference": .string(image), "pullPolicy": "IfNotPresent"]]
    }

    var imageVolumeMount: YAMLValue {
        ["name": .string(id), "mountPath": .string(mountPath), "subPath": .string(Self.imagePath), "readOnly": true]
    }

    // Sidecars.

    /// A native sidecar (init container with restartPolicy Always, Kubernetes ≥ 1.29): the kubelet
    /// starts it, and waits for its startup probe (the link resolves), before vLLM starts, so vLLM
    /// never races an absent /mnt/models. It then sleeps for the pod's life: its root filesystem
    /// is what vLLM reads.
    func sidecar(securityContext: YAMLValue) -> YAMLValue {
        // The shell's PID (`$$`) is this container's process in the shared PID namespace. The
        // kubelet turns `$$` in a command into `$` (its $(VAR) escaping), hence `$$$$`.
        let link = "mkdir -p \(parentPath) && ln -sfn /proc/$$$$/root/\(Self.imagePath) \(mountPath) && exec sleep infinity"
        return [
            "name": .string("\(id)-modelcar"),
            "image": .string(image),
            "imagePullPolicy": "IfNotPresent",
            "command": ["sh", "-c", .string(link)],
            "restartPolicy": "Always",
            // Ready once the link resolves to a non-empty directory through /proc.
            "startupProbe": [
                "exec": ["command": ["sh", "-c", .string("[ -n \"$(ls -A \(mountPath)/)\" ]")]],
                "periodSeconds": 1, "failureThreshold": 120,
            ],
            // Requests = limits so the pod stays in the Guaranteed QoS class; it only sleeps.
            "resources": ["requests": ["cpu": "10m", "memory": "16Mi"], "limits": ["cpu": "10m", "memory": "16Mi"]],
            "securityContext": securityContext,
            "volumeMounts": [["name": .string(Self.linksVolume), "mountPath": .string(Self.linksMountPath)]],
        ]
    }

    private var parentPath: String { String(mountPath[..<(mountPath.lastIndex(of: "/") ?? mountPath.endIndex)]) }
}
