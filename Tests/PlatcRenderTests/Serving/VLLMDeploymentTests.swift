import Testing

@testable import PlatcRender

@Suite struct VLLMDeploymentTests {
    @Test func argsFromTheSpecWithoutOptionalFlags() throws {
        let deployment = try ServingFixture().object("Deployment")
        #expect(
            deployment.args == [
                "--model", "/mnt/models", "--served-model-name", "Qwen/Qwen2.5-0.5B-Instruct", "--max-model-len", "4096",
                "--gpu-memory-utilization", "0.8", "--tensor-parallel-size", "1", "--max-num-seqs", "256",
            ])
        #expect(deployment.vllm?.at("image")?.stringValue?.hasSuffix("@sha256:" + String(repeating: "2", count: 64)) == true)
    }

    @Test func optionalFlagsOnlyWhenTheyApply() throws {
        let fixture = try ServingFixture()
        try fixture.serving("dtype: float16", "quantization: fp8", "kvCacheDtype: fp8", "maxNumBatchedTokens: 2048")
        let deployment = try fixture.object("Deployment")
        #expect(deployment.argument("--dtype") == "float16")
        #expect(deployment.argument("--quantization") == "fp8")
        #expect(deployment.argument("--kv-cache-dtype") == "fp8")
        #expect(deployment.argument("--max-num-batched-tokens") == "2048")
        #expect(!deployment.args.contains("--enable-lora"))

        let lora = try ServingFixture()
        try lora.model(NamesAgreeTests.lora)
        let loraArgs = try lora.object("Deployment")
        #expect(loraArgs.args.contains("--enable-lora"))
        #expect(loraArgs.argument("--max-loras") == "2")
        #expect(loraArgs.argument("--max-lora-rank") == "16")
    }

    @Test func gpusEqualTensorParallelismAndTheClassSchedules() throws {
        let fixture = try ServingFixture()
        try fixture.serving("tensorParallel: 2")
        try fixture.edit("platform/a10.yaml") {
            $0.replacingOccurrences(of: "gpusPerNode: 1", with: "gpusPerNode: 2")
                + "nodeSelector:\n  zone: b\n  nvidia.com/gpu.product: NVIDIA-A10\ntolerations:\n  - key: nvidia.com/gpu\n    operator: Exists\n    effect: NoSchedule\n"
        }
        let deployment = try fixture.object("Deployment")
        #expect(deployment.argument("--tensor-parallel-size") == "2")
        let resources = deployment.vllm?.at("resources")
        #expect(resources?.at("requests.nvidia.com/gpu") == nil)  // dotted key: read the map directly
        #expect(resources?.at("requests")?.mapValue?["nvidia.com/gpu"]?.stringValue == "2")
        #expect(resources?.at("limits")?.mapValue?["nvidia.com/gpu"]?.stringValue == "2")
        #expect(resources?.at("requests") == resources?.at("limits"))  // Guaranteed QoS
        let selector = deployment.podSpec?.at("nodeSelector")?.mapValue?.entries.map(\.key)
        #expect(selector == ["nvidia.com/gpu.product", "zone"])  // sorted
        #expect(deployment.podSpec?.at("tolerations.0.key")?.stringValue == "nvidia.com/gpu")
        #expect(deployment.podSpec?.at("tolerations.0.effect")?.stringValue == "NoSchedule")
        #expect(deployment.podSpec?.at("tolerations.0.value") == nil)
        // /dev/shm grows with TP and the memory limit holds it.
        let shm = deployment.podSpec?.at("volumes")?.listValue?.first { $0.at("name")?.stringValue == "dshm" }
        #expect(shm?.at("emptyDir.medium")?.stringValue == "Memory")
        #expect(shm?.at("emptyDir.sizeLimit")?.stringValue == "4Gi")
    }

    @Test func restrictedSecurityEverywhere() throws {
        let deployment = try ServingFixture().object("Deployment")
        let pod = try #require(deployment.podSpec)
        #expect(pod.at("automountServiceAccountToken") == .bool(false))
        #expect(pod.at("enableServiceLinks") == .bool(false))
        #expect(pod.at("securityContext.runAsNonRoot") == .bool(true))
        #expect(pod.at("securityContext.seccompProfile.type")?.stringValue == "RuntimeDefault")
        #expect(pod.at("priorityClassName")?.stringValue == Conventions.servingPriorityClassName)
        let containers = (pod.at("containers")?.listValue ?? []) + (pod.at("initContainers")?.listValue ?? [])
        #expect(containers.count == 2)  // vLLM and the model's modelcar sidecar (Kubernetes 1.31)
        for container in containers {
            let context = container.at("securityContext")
            #expect(context?.at("runAsNonRoot") == .bool(true))
            // Non-root, and above the range node distributions give their own users (CKV_K8S_40).
            #expect((context?.at("runAsUser")?.intValue ?? 0) >= 10_000)
            #expect(context?.at("allowPrivilegeEscalation") == .bool(false))
            #expect(context?.at("capabilities.drop")?.strings == ["ALL"])
            #expect(context?.at("readOnlyRootFilesystem") == .bool(true))
            #expect(context?.at("seccompProfile.type")?.stringValue == "RuntimeDefault")
        }
        // Every path vLLM writes is an emptyDir.
        let mounts = deployment.vllm?.at("volumeMounts")?.listValue?.compactMap { $0.at("mountPath")?.stringValue } ?? []
        #expect(Set(["/home/vllm", "/tmp", "/dev/shm"]).isSubset(of: Set(mounts)))
        let env = Dictionary(
            uniqueKeysWithValues: (deployment.vllm?.at("env")?.listValue ?? []).compactMap { item in
                item.at("name")?.stringValue.map { ($0, item.at("value")?.stringValue ?? "") }
            })
        #expect(env["HOME"] == "/home/vllm")
        #expect(env["HF_HUB_OFFLINE"] == "1")
        for key in ["HF_HOME", "VLLM_CACHE_ROOT", "TRITON_CACHE_DIR", "TORCHINDUCTOR_CACHE_DIR"] {
            #expect(env[key]?.hasPrefix("/home/vllm/") == true, "\(key)")
        }
    }

    @Test func startupProbeSpansTheStartupTimeoutAndWarmsUp() throws {
        let fixture = try ServingFixture()
        try fixture.serving("startupTimeout: 20m")
        let deployment = try fixture.object("Deployment")
        let startup = try #require(deployment.vllm?.at("startupProbe"))
        let period = startup.at("periodSeconds")?.intValue ?? 0
        let threshold = startup.at("failureThreshold")?.intValue ?? 0
        #expect(period * threshold == 20 * 60)
        let command = startup.at("exec.command")?.strings ?? []
        #expect(command.first == "python3")
        #expect(command.last?.contains("\"model\": \"Qwen/Qwen2.5-0.5B-Instruct\"") == true)
        #expect(command.last?.contains("\"max_tokens\": 1") == true)
        #expect(deployment.vllm?.at("readinessProbe.httpGet.path")?.stringValue == "/health")
        #expect(deployment.vllm?.at("livenessProbe.httpGet.path")?.stringValue == "/health")
        // Liveness is more patient than readiness.
        let live = deployment.vllm?.at("livenessProbe")
        let ready = deployment.vllm?.at("readinessProbe")
        #expect(
            (live?.at("periodSeconds")?.intValue ?? 0) * (live?.at("failureThreshold")?.intValue ?? 0)
                > (ready?.at("periodSeconds")?.intValue ?? 0) * (ready?.at("failureThreshold")?.intValue ?? 0))
    }

    /// vLLM requires a key on /v1 from the Secret `serving.apiKeyRef` names, by reference; the
    /// warm-up (on /v1) sends it, the health probes (not under /v1) need none.
    @Test func everyServerRequiresTheKeyAndTheWarmUpSendsIt() throws {
        let fixture = try ServingFixture()
        let env = { (deployment: KubeObject) in
            deployment.vllm?.at("env")?.listValue?.first { $0.at("name")?.stringValue == "VLLM_API_KEY" }
        }
        let byDefault = try #require(env(try fixture.object("Deployment")))
        #expect(byDefault.at("value") == nil)
        #expect(byDefault.at("valueFrom.secretKeyRef")?.stringPairs == ["name": "vllm-api-key", "key": "VLLM_API_KEY"])
        try fixture.platformFile { $0 + "serving:\n  apiKeyRef: {name: engine-token, key: token}\n" }
        let deployment = try fixture.object("Deployment")
        #expect(env(deployment)?.at("valueFrom.secretKeyRef")?.stringPairs == ["name": "engine-token", "key": "token"])
        let command = deployment.vllm?.at("startupProbe.exec.command")?.strings ?? []
        #expect(command.contains("/v1/completions"))
        #expect(command[2].contains("\"Authorization\": \"Bearer \" + os.environ[\"VLLM_API_KEY\"]"))
        for probe in ["readinessProbe", "livenessProbe"] {
            #expect(deployment.vllm?.at("\(probe).httpGet.path")?.stringValue?.hasPrefix("/v1") == false)
        }
        // The key stays out of the command line.
        #expect(!deployment.args.contains("--api-key"))
    }

    /// While rotating, vLLM accepts the old key beside the new one: `--api-key` takes both,
    /// expanded from the container's environment (never a value in out/).
    @Test func duringARotationBothKeysAreAccepted() throws {
        let fixture = try ServingFixture()
        try fixture.platformFile { $0 + "serving:\n  apiKeyRef: {name: key-dec}\n  previousApiKeyRef: {name: key-nov}\n" }
        let deployment = try fixture.object("Deployment")
        #expect(Array(deployment.args.suffix(3)) == ["--api-key", "$(VLLM_API_KEY)", "$(VLLM_PREVIOUS_API_KEY)"])
        let env = deployment.vllm?.at("env")?.listValue ?? []
        let refs = env.filter { $0.at("valueFrom") != nil }.map {
            [$0.at("name")?.stringValue ?? "", $0.at("valueFrom.secretKeyRef.name")?.stringValue ?? ""]
        }
        #expect(refs == [["VLLM_API_KEY", "key-dec"], ["VLLM_PREVIOUS_API_KEY", "key-nov"]])
    }

    @Test func embeddingModelsWarmUpOnTheEmbeddingsEndpoint() throws {
        let fixture = try ServingFixture()
        try fixture.model("mode: embedding\n")
        let command = try fixture.object("Deployment").vllm?.at("startupProbe.exec.command")?.strings ?? []
        #expect(command.contains("/v1/embeddings"))
    }

    @Test func startupRoundsUpToWholePeriods() throws {
        let fixture = try ServingFixture()
        try fixture.serving("startupTimeout: 95s")
        #expect(try fixture.object("Deployment").vllm?.at("startupProbe.failureThreshold")?.intValue == 10)
    }

    @Test func warmUpBodiesAreValidJSONStrings() {
        #expect(VLLMProbes.jsonString("a\"b\\c\n") == "\"a\\\"b\\\\c\\u000a\"")
    }

    @Test func gpuFitAnnotationsOnThePodTemplate() throws {
        let fixture = try ServingFixture()
        let context = try fixture.context()
        let estimate = try #require(context.facts.of(model: "tiny")?.fit?.estimate)
        let annotations = try fixture.object("Deployment").spec?.at("template.metadata.annotations")?.stringPairs ?? [:]
        let reserved = try #require(annotations[Conventions.vramReservedAnnotation].flatMap { Int64($0) })
        let required = try #require(annotations[Conventions.vramRequiredAnnotation].flatMap { Int64($0) })
        #expect(reserved == Int64((estimate.budgetGiB * 1024).rounded(.down)))
        #expect(required > Int64(estimate.weightsGiB * 1024))
        #expect(required <= reserved)  // tiny fits
        #expect(annotations[Conventions.kvCacheTokensAnnotation] == "\(estimate.kvTokens)")
        #expect(annotations[Conventions.maxConcurrencyAnnotation]?.contains(".") == true)
    }

    @Test func labelsAttributeTheModel() throws {
        let deployment = try ServingFixture().object("Deployment")
        let labels = deployment.spec?.at("template.metadata.labels")?.stringPairs ?? [:]
        #expect(labels[Conventions.modelLabel] == "tiny")
        #expect(labels[Conventions.ownerLabel] == "team")
        #expect(labels[Conventions.costCenterLabel] == "team")
        #expect(labels[Conventions.gpuClassLabel] == "a10")
        #expect(labels["app.kubernetes.io/managed-by"] == "platc")
        #expect(labels[Conventions.tenantWorkloadsLabel] == nil)
        #expect(labels[Conventions.kueueQueueLabel] == nil)  // not a Kueue workload
    }
}
