/// One overlay per tenant and per model: the per-instance part of the peer, as people write
/// it today (namespace or name prefix, labels, images, replicas, and patches for the rest).
enum KustomizeOverlays {
    struct Tenant {
        var name: String
        var groups: [String]
        var priority: String
        var cpu: String
        var memory: String
        var pods: String
        /// Nominal plus borrowing limit over every GPU class, as platc sums the quota.
        var gpus: Int
    }

    static func tenant(_ tenant: Tenant) -> String {
        let subjects = tenant.groups.map { "      - {kind: Group, apiGroup: rbac.authorization.k8s.io, name: \($0)}" }
        return """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: \(tenant.name)
            resources:
            - ../../../bases/tenant
            labels:
            - pairs:
                platc.dev/cost-center: \(tenant.name)
                platc.dev/tenant: \(tenant.name)
            patches:
            - target: {kind: Namespace}
              patch: |-
                - {op: add, path: /metadata/labels/platc.dev~1priority, value: \(tenant.priority)}
            - target: {kind: ResourceQuota, name: tenant-quota}
              patch: |-
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: tenant-quota}
                spec:
                  hard:
                    pods: "\(tenant.pods)"
                    requests.cpu: "\(tenant.cpu)"
                    requests.memory: \(tenant.memory)
                    requests.nvidia.com/gpu: "\(tenant.gpus)"
            - target: {kind: RoleBinding, name: tenant-member}
              patch: |-
                - op: replace
                  path: /subjects
                  value:
            \(subjects.joined(separator: "\n"))
            - target: {kind: LocalQueue, name: default}
              patch: |-
                - {op: replace, path: /spec/clusterQueue, value: \(tenant.name)}

            """
    }

    struct Model {
        var name: String
        var owner: String
        var servedName: String
        var gpuClass: String
        /// The GPU feature discovery label nodes of the class carry.
        var product: String
        var tensorParallel: Int
        var maxModelLen: String
        var maxNumSeqs: String
        var gpuMemoryUtilization: String
        var minReplicas: String
        var maxReplicas: String
        /// Images as "repository@sha256:…".
        var engineImage: String
        var modelcarImage: String
    }

    static func model(_ model: Model, namespace: String) -> String {
        let prefixed = "\(model.name)-vllm"
        let cpu = 4 * model.tensorParallel
        let memory = "\(16 * model.tensorParallel)Gi"
        let gpus = model.tensorParallel
        let args = [
            "--model", "/mnt/models", "--served-model-name", model.servedName, "--max-model-len", "\"\(model.maxModelLen)\"",
            "--gpu-memory-utilization", "\"\(model.gpuMemoryUtilization)\"", "--tensor-parallel-size", "\"\(model.tensorParallel)\"",
            "--max-num-seqs", "\"\(model.maxNumSeqs)\"",
        ]
        let query = "sum(vllm:num_requests_waiting{namespace=\"\(namespace)\",platc_dev_model=\"\(model.name)\"})"
        return """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namePrefix: \(model.name)-
            resources:
            - ../../../bases/model
            labels:
            - pairs:
                app.kubernetes.io/instance: \(model.name)
              includeSelectors: true
            - pairs:
                platc.dev/cost-center: \(model.owner)
                platc.dev/gpu-class: \(model.gpuClass)
                platc.dev/model: \(model.name)
                platc.dev/owner: \(model.owner)
              includeTemplates: true
            images:
            - {name: vllm-openai, newName: \(repository(model.engineImage)), digest: \(digest(model.engineImage))}
            - {name: modelcar, newName: \(repository(model.modelcarImage)), digest: \(digest(model.modelcarImage))}
            replicas:
            - {name: vllm, count: \(model.minReplicas)}
            patches:
            - target: {kind: Deployment}
              patch: |-
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: vllm}
                spec:
                  template:
                    spec:
                      nodeSelector: {nvidia.com/gpu.product: \(model.product)}
                      containers:
                      - name: vllm
                        args: [\(args.joined(separator: ", "))]
                        resources:
                          requests: {cpu: "\(cpu)", memory: \(memory), nvidia.com/gpu: "\(gpus)"}
                          limits: {cpu: "\(cpu)", memory: \(memory), nvidia.com/gpu: "\(gpus)"}
            - target: {kind: ScaledObject}
              patch: |-
                - {op: replace, path: /spec/scaleTargetRef/name, value: \(prefixed)}
                - {op: replace, path: /spec/minReplicaCount, value: \(model.minReplicas)}
                - {op: replace, path: /spec/maxReplicaCount, value: \(model.maxReplicas)}
                - {op: replace, path: /spec/triggers/0/metadata/query, value: '\(query)'}
            - target: {kind: HTTPRoute}
              patch: |-
                - {op: replace, path: /spec/rules/0/matches/0/headers/0/value, value: \(model.servedName)}
                - {op: replace, path: /spec/rules/0/backendRefs/0/name, value: \(prefixed)}
            - target: {kind: InferencePool}
              patch: |-
                - {op: add, path: /spec/selector/matchLabels/app.kubernetes.io~1instance, value: \(model.name)}
            - target: {kind: PodMonitor}
              patch: |-
                - {op: add, path: /spec/selector/matchLabels/app.kubernetes.io~1instance, value: \(model.name)}

            """
    }

    private static func repository(_ image: String) -> Substring { image.split(separator: "@").first ?? Substring(image) }
    private static func digest(_ image: String) -> Substring { image.split(separator: "@").last ?? "" }
}
