import PlatcFacts

/// The Pod Security `restricted` settings every serving container runs with, and the writable
/// emptyDirs that a read-only root filesystem needs.
enum PodSecurity {
    /// vLLM images run as root by default; every serving container runs as this uid/gid instead
    /// (any non-zero id works: the image's files are world-readable, and every path vLLM writes
    /// is an emptyDir below). All containers share it because reading another container's root
    /// through /proc/<pid>/root (the modelcar sidecar) needs the same uid. Above 9999, outside the
    /// range node distributions give their own users, so a process that escapes the container
    /// owns no file on the node by accident (checkov CKV_K8S_40).
    static let uid: Int64 = 10001

    /// Pod level: non-root, and the runtime's default seccomp filter (restricted requires it).
    static let pod: YAMLValue = {
        [
            "runAsNonRoot": true, "runAsUser": .int(uid), "runAsGroup": .int(uid),
            // emptyDirs are group-writable for this gid, whatever the image's user table says.
            "fsGroup": .int(uid),
            "seccompProfile": ["type": "RuntimeDefault"],
        ]
    }()

    /// Container level, repeated so each container is compliant on its own (restricted checks
    /// both levels, and a copied container spec keeps its guarantees).
    static let container: YAMLValue = {
        [
            "runAsNonRoot": true, "runAsUser": .int(uid), "runAsGroup": .int(uid),
            // No setuid binary or file capability can raise privileges (sets no_new_privs).
            "allowPrivilegeEscalation": false,
            // vLLM needs no Linux capability; reading /proc/<pid>/root of a same-uid process neither.
            "capabilities": ["drop": ["ALL"]],
            // A compromised server cannot alter its own code or plant files that survive a restart.
            "readOnlyRootFilesystem": true,
            "seccompProfile": ["type": "RuntimeDefault"],
        ]
    }()

    /// HOME and every cache vLLM, Hugging Face, PyTorch, Triton and CUDA write (all emptyDirs).
    static let home = "/home/vllm"

    /// Environment that points every writer at the emptyDirs and keeps vLLM offline.
    static let environment: [YAMLValue] = {
        let cache = "\(home)/.cache"
        return [
            ("HOME", home),
            // torch's cache naming calls getpass.getuser(), which fails for a uid with no
            // /etc/passwd entry unless USER is set.
            ("USER", "vllm"),
            ("XDG_CACHE_HOME", cache),
            ("XDG_CONFIG_HOME", "\(home)/.config"),
            ("HF_HOME", "\(cache)/huggingface"),
            // Weights and tokenizer are local (/mnt/models); never reach the Hub (egress is denied).
            ("HF_HUB_OFFLINE", "1"),
            ("VLLM_CACHE_ROOT", "\(cache)/vllm"),
            ("VLLM_CONFIG_ROOT", "\(home)/.config/vllm"),
            ("TORCHINDUCTOR_CACHE_DIR", "\(cache)/torchinductor"),
            ("TRITON_CACHE_DIR", "\(cache)/triton"),
            ("NUMBA_CACHE_DIR", "\(cache)/numba"),
            ("CUDA_CACHE_PATH", "\(cache)/nv"),
            // No usage reports to the vLLM project from inside the cluster.
            ("VLLM_NO_USAGE_STATS", "1"),
            ("DO_NOT_TRACK", "1"),
        ].map { ["name": .string($0.0), "value": .string($0.1)] }
    }()

    /// Sizes of the writable emptyDirs: torch.compile, Triton and CUDA kernel caches stay under a
    /// few GiB; /tmp holds compiler scratch files.
    static let homeSizeLimit = "8Gi"
    static let tmpSizeLimit = "2Gi"

    static func volumes(tensorParallel: Int64) -> [YAMLValue] {
        [
            ["name": "home", "emptyDir": ["sizeLimit": .string(homeSizeLimit)]],
            ["name": "tmp", "emptyDir": ["sizeLimit": .string(tmpSizeLimit)]],
            [
                "name": "dshm",
                "emptyDir": [
                    "medium": "Memory", "sizeLimit": .string("\(PodResources.sharedMemoryGiB(tensorParallel: tensorParallel))Gi"),
                ],
            ],
        ]
    }

    static let volumeMounts: [YAMLValue] = {
        [
            ["name": "home", "mountPath": .string(home)],
            ["name": "tmp", "mountPath": "/tmp"],
            ["name": "dshm", "mountPath": "/dev/shm"],
        ]
    }()
}
