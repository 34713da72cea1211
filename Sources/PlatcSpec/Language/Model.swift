/// A served model: what it is, where its weights and config come from, how vLLM runs it, who
/// may call it and what it costs.
public struct Model: Sendable {
    public enum Status: String, Sendable, CaseIterable { case preview, ga, deprecated }
    public enum Mode: String, Sendable, CaseIterable { case chat, completion, embedding }

    public var name: Located<String>
    public var owner: Located<String>
    public var status: Located<Status>
    public var description: Located<String>
    public var mode: Located<Mode>
    public var servedName: Located<String>
    public var aliases: [Located<String>]
    public var source: Source
    public var serving: Serving
    public var lora: LoRA?
    public var tenants: [Located<String>]
    public var pricing: Pricing
    public var rateLimits: RateLimits?
    /// The model's Hugging Face config.json, read from `source.config`.
    public var config: HFConfig
    public var span: SourceSpan

    public struct Source: Sendable {
        public var modelcar: Located<String>
        /// Path of config.json relative to the model file, as written.
        public var config: Located<String>
        public var parameters: Located<Int64>?
        /// GPU memory of the weights at tensorParallel 1, as vLLM logged it ("Model loading took").
        public var measuredWeights: Located<Quantity>?
    }

    public struct Serving: Sendable {
        public var engine: Engine
        /// What vLLM runs the model for: generation, or embeddings (its pooling runner).
        public var task: Located<Task>
        public var gpuClass: Located<String>
        public var tensorParallel: Located<Int64>
        public var dtype: Located<Dtype>
        public var quantization: Located<String>?
        public var maxModelLen: Located<Int64>
        public var maxNumSeqs: Located<Int64>
        public var maxNumBatchedTokens: Located<Int64>?
        public var gpuMemoryUtilization: Located<Fraction>
        public var kvCacheDtype: Located<KVCacheDtype>
        public var startupTimeout: Located<Duration>
        public var replicas: Replicas
        /// nil: derived (keda when max > min, else none); see `ReplicaPlan`.
        public var autoscaling: Located<Autoscaling>?
        public var keda: KEDA
        public var rollout: Located<Rollout>
        public var resources: Resources?
        /// vLLM --tool-call-parser, rendered with --enable-auto-tool-choice.
        public var toolCallParser: Located<String>?
        public var reasoningParser: Located<String>?
        /// Appended to platc's arguments, verbatim (engine/reserved-flag keeps platc's own out).
        public var extraArgs: [Located<String>]
        /// Appended to platc's environment (engine/reserved-variable keeps platc's own out).
        public var env: [EnvVariable]
        /// Serve a multimodal checkpoint as text only: `--limit-mm-per-prompt` of 0 for images.
        public var languageModelOnly: Located<Bool>

        /// The longest maxModelLen the language accepts; also where platc stops searching for the
        /// longest context that fits when config.json declares none.
        public static let maxModelLenLimit: Int64 = 10_000_000

        public enum Autoscaling: String, Sendable, CaseIterable { case none, keda }
        /// `embed`: vLLM serves /v1/embeddings only, with no sampler and no decode (docs/render-serving.md).
        public enum Task: String, Sendable, CaseIterable { case generate, embed }
        /// vLLM --dtype: `auto` passes no flag (the checkpoint's torch_dtype).
        public enum Dtype: String, Sendable, CaseIterable { case auto, bfloat16, float16 }
        /// vLLM --kv-cache-dtype: `auto` passes no flag (the model's dtype, 2 bytes).
        public enum KVCacheDtype: String, Sendable, CaseIterable {
            case auto, fp8

            /// Bytes one K or V element takes in the cache.
            public var bytes: Int { self == .fp8 ? 1 : 2 }
        }
        public enum Rollout: String, Sendable, CaseIterable {
            case auto
            case recreate = "Recreate"
            case rollingUpdate = "RollingUpdate"
        }

        public struct Engine: Sendable {
            public var image: Located<String>
            public var version: Located<String>
        }

        public struct Replicas: Sendable {
            public var min: Located<Int64>
            public var max: Located<Int64>
            public var span: SourceSpan
        }

        /// KEDA's settings, used when the model autoscales with KEDA.
        public struct KEDA: Sendable {
            public var cooldown: Located<Duration>
            public var waitingPerReplica: Located<Int64>
            public var kvCacheUsage: Located<Fraction>?
            public var fallbackReplicas: Located<Int64>?
            /// False when the defaults stand in for an absent `keda:`.
            public var isWritten: Bool
            public var span: SourceSpan
        }

        /// Overrides of the derived pod size; an absent field keeps the derived value.
        public struct Resources: Sendable {
            public var cpu: Located<Quantity>?
            public var memory: Located<Quantity>?
            public var span: SourceSpan
        }

        /// One variable of the vLLM container: a value, or a key of a Secret in the serving namespace.
        public struct EnvVariable: Sendable {
            public var name: Located<String>
            public var value: Located<String>?
            public var secretKeyRef: Platform.SecretKeyRef?
            public var span: SourceSpan

            init(_ r: FieldReader) throws {
                name = try r.string("name")
                value = try r.optionalString("value")
                secretKeyRef = try r.optionalObject("valueFrom") { try $0.object("secretKeyRef", Platform.SecretKeyRef.init) }
                span = r.span
            }
        }
    }

    public struct LoRA: Sendable {
        public var maxLoras: Located<Int64>
        public var maxRank: Located<Int64>
        public var adapters: [Adapter]

        public struct Adapter: Sendable {
            public var name: Located<String>
            public var alias: Located<String>?
            public var image: Located<String>
            public var tenants: [Located<String>]
            public var span: SourceSpan
        }
    }

    public struct Pricing: Sendable {
        public var inputPerMillion: Located<USD>
        public var outputPerMillion: Located<USD>

        init(_ r: FieldReader) throws {
            inputPerMillion = try r.usd("inputPerMillion")
            outputPerMillion = try r.usd("outputPerMillion")
        }
    }

    /// vLLM's methods (every release platc knows; engine/quantization-unsupported holds each model
    /// to its own) and `none`, which means "no --quantization", as leaving the field out does.
    public static let quantizations = [Serving.noQuantization] + EngineVocabulary.quantization.names

    public static let shape = ObjectShape(
        "Model", doc: "A model offered to tenants through LiteLLM: served by vLLM, or hosted by a `provider`.",
        fields: DocumentHeader.fields(.model, nameDoc: "Name of the model; names its Kubernetes objects.") + [
            .required("owner", .string(.dnsLabel), "Team that owns the model.", example: "platform-team"),
            .required("status", .oneOf(Status.allCases.map(\.rawValue)), "Lifecycle status shown in the catalog.", example: "ga"),
            .required("description", .string(.text), "One or two sentences for the catalog.", example: "General chat model."),
            .optional(
                "mode", .oneOf(Mode.allCases.map(\.rawValue)),
                "What the model does (LiteLLM model_info.mode); when absent, embedding if serving.task is embed, else chat.",
                example: "chat"),
            .required(
                "servedName", .string(.servedModelName), "vLLM --served-model-name; the gateway and LiteLLM route on it.",
                example: "meta-llama/Llama-3.1-8B-Instruct"),
            .required(
                "aliases", .list(.string(.modelAlias), minItems: 1, unique: true),
                "Names tenants call (LiteLLM model_name); distinct from servedName.", example: "[llama-3.1-8b-instruct]"),
            .required("source", .object(sourceShape), "Where the weights and the HF config come from."),
            .required("serving", .object(servingShape), "How vLLM runs the model."),
            .optional(
                "provider", .object(HostedModel.providerShape),
                "A hosted model: the provider LiteLLM calls, instead of servedName, source, serving and lora."),
            .optional("lora", .object(loraShape), "LoRA adapters served on top of this model."),
            .optional("tenants", .list(.string(.dnsLabel), unique: true), "Tenants allowed to call the model.", default: "[]"),
            .required("pricing", .object(pricingShape), "Price per million tokens; LiteLLM budgets bind only with a price."),
            .optional("rateLimits", .object(RateLimits.shape), "Limits of the model's deployment in LiteLLM."),
        ], alternative: .init(key: "provider", replaces: ["servedName", "source", "serving", "lora"]))

    static let sourceShape = ObjectShape(
        "ModelSource", doc: "Weights and configuration.",
        fields: [
            .required(
                "modelcar", .string(.imageReference), "OCI modelcar image holding the weights, pinned by digest.",
                example: "registry.example.com/models/llama@sha256:…"),
            .required(
                "config", .string(.relativePath), "The model's Hugging Face config.json, relative to this file.",
                example: "llama-3-1-8b/config.json"),
            .optional(
                "parameters", .integer(min: 1, max: 100_000_000_000_000),
                "Parameter count, for architectures platc cannot count from config.json.", example: "8030261248"),
            .optional(
                "measuredWeights", .quantity(.memory),
                "GPU memory the weights take at tensorParallel 1, as vLLM logs it (\"Model loading took … GiB\"): replaces platc's count for an architecture or quantization it cannot size.",
                example: "13.85Gi"),
        ])

    static let engineShape = ObjectShape(
        "Engine", doc: "The vLLM image and its version.",
        fields: [
            .required(
                "image", .string(.imageReference), "vLLM OpenAI server image, pinned by digest.",
                example: "registry.example.com/vllm/vllm-openai@sha256:…"),
            .required("version", .string(.version), "vLLM version of the image; memory accounting depends on it.", example: "\"0.11.0\""),
        ])

    static let replicasShape = ObjectShape(
        "Replicas", doc: "Replica bounds; min is the warm floor. {min: 0, max: 0} parks the model.",
        fields: [
            .optional("min", .integer(min: 0, max: 10_000), "Warm floor: replicas always running.", default: "1"),
            .optional(
                "max", .integer(min: 0, max: 10_000), "Upper bound when autoscaling (or scaling by hand); 0 with min 0 parks the model.",
                default: "1"),
        ])

    static let kedaShape = ObjectShape(
        "KEDA", doc: "How KEDA scales the model between min and max replicas.",
        fields: [
            .optional(
                "cooldown", .duration,
                "How long load must stay low before a replica is removed (scale-down window; KEDA cooldownPeriod at min 0).",
                default: "15m"),
            .optional(
                "waitingPerReplica", .integer(min: 1, max: 100_000),
                "Requests waiting in vLLM's queue per replica above which KEDA adds one.",
                default: "5"),
            .optional(
                "kvCacheUsage", .fraction, "A second trigger: average KV-cache usage per replica above which KEDA adds one.",
                example: "0.8"),
            .optional(
                "fallbackReplicas", .integer(min: 0, max: 10_000),
                "Replicas KEDA sets while its metrics cannot be read (3 failures in a row); absent: keep the current count.",
                example: "2"),
        ])

    static let resourcesShape = ObjectShape(
        "ServingResources", doc: "The vLLM container's CPU and memory, instead of the derived size (requests = limits).",
        fields: [
            .optional("cpu", .quantity(.cpu), "CPU per replica.", example: "\"3\""),
            .optional("memory", .quantity(.memory), "Memory per replica, including weight loading and /dev/shm.", example: "12Gi"),
        ])

    static let servingShape = ObjectShape(
        "Serving", doc: "vLLM settings.",
        fields: [
            .required("engine", .object(engineShape), "The vLLM image and version."),
            .optional(
                "task", .oneOf(Serving.Task.allCases.map(\.rawValue)),
                "What vLLM serves: generate (chat and completions) or embed (/v1/embeddings, vLLM's pooling runner).",
                default: "generate"),
            .required("gpuClass", .string(.dnsLabel), "GPU class the model runs on.", example: "h100"),
            .optional("tensorParallel", .integer(min: 1, max: 64), "GPUs per replica (--tensor-parallel-size).", default: "1"),
            .optional(
                "dtype", .oneOf(Serving.Dtype.allCases.map(\.rawValue)), "Weight dtype (--dtype); auto follows config.json.",
                default: "auto"),
            .optional(
                "quantization", .oneOf(quantizations),
                "vLLM --quantization method; absent or none: no flag, and vLLM loads the checkpoint as its config.json declares.",
                example: "awq_marlin"),
            .required("maxModelLen", .integer(min: 1, max: Serving.maxModelLenLimit), "Context length (--max-model-len).", example: "8192"),
            .optional("maxNumSeqs", .integer(min: 1, max: 65_536), "Concurrent sequences (--max-num-seqs).", default: "256"),
            .optional(
                "maxNumBatchedTokens", .integer(min: 1, max: 10_000_000), "Tokens per scheduler step (--max-num-batched-tokens).",
                example: "8192"),
            .optional(
                "languageModelOnly", .boolean,
                "Serve a multimodal checkpoint as text only (--limit-mm-per-prompt {\"image\": 0}): no encoder profile, and no vision tower where vLLM skips it (Llama 4, Mistral 3).",
                default: "false"),
            .optional("gpuMemoryUtilization", .fraction, "Share of GPU memory vLLM may use (--gpu-memory-utilization).", default: "0.9"),
            .optional(
                "kvCacheDtype", .oneOf(Serving.KVCacheDtype.allCases.map(\.rawValue)), "KV cache dtype (--kv-cache-dtype).", default: "auto"
            ),
            .optional(
                "startupTimeout", .duration, "How long the startup probe lets vLLM load weights and warm up before the pod restarts.",
                default: "15m"),
            .optional("replicas", .object(replicasShape), "Replica bounds.", default: "{}"),
            .optional(
                "autoscaling", .oneOf(Serving.Autoscaling.allCases.map(\.rawValue)),
                "Who changes the replica count between min and max: KEDA, or none (a person, e.g. kubectl scale). Default: keda when max > min.",
                example: "none"),
            .optional("keda", .object(kedaShape), "KEDA's settings (with autoscaling: keda).", default: "{}"),
            .optional(
                "rollout", .oneOf(Serving.Rollout.allCases.map(\.rawValue)),
                "How a new version replaces the pods; auto: RollingUpdate when one more pod fits the class's GPUs at max replicas, else Recreate.",
                default: "auto"),
            .optional("resources", .object(resourcesShape), "CPU and memory per replica, instead of the derived size."),
            .optional(
                "toolCallParser", .oneOf(EngineVocabulary.toolCallParsers.names),
                "Tool calling: vLLM --enable-auto-tool-choice --tool-call-parser with this parser (it must exist in engine.version).",
                example: "hermes"),
            .optional(
                "reasoningParser", .oneOf(EngineVocabulary.reasoningParsers.names),
                "vLLM --reasoning-parser: the reasoning goes to reasoning_content (the parser must exist in engine.version).",
                example: "qwen3"),
            .optional(
                "extraArgs", .list(.string(.text)),
                "More vLLM arguments, after platc's; none may repeat a flag platc sets (engine/reserved-flag). Absent: none.",
                example: "[--enable-prefix-caching]"),
            .optional(
                "env", .list(.object(envVariableShape), unique: true),
                "More variables of the vLLM container, after platc's; none may repeat one platc sets (engine/reserved-variable). Absent: none.",
                example: "[{name: VLLM_LOGGING_LEVEL, value: DEBUG}]"),
        ])

    static let envVariableShape = ObjectShape(
        "EnvVariable", doc: "A variable of the vLLM container: a value, or a key of a Secret in the serving namespace.",
        fields: [
            .required("name", .string(.environmentVariable), "Variable name.", example: "VLLM_LOGGING_LEVEL"),
            .optional("value", .string(.text), "Its value; secrets belong in a Secret (valueFrom).", example: "DEBUG"),
            .optional(
                "valueFrom", .object(envSourceShape), "The Secret key it is read from.",
                example: "{secretKeyRef: {name: hf-token, key: token}}"),
        ], oneOf: ["value", "valueFrom"], identity: "name")

    static let envSourceShape = ObjectShape(
        "EnvVariableSource", doc: "Where a variable's value comes from.",
        fields: [.required("secretKeyRef", .object(envSecretKeyRefShape), "A key of a Secret in the serving namespace.")])

    static let envSecretKeyRefShape = ObjectShape(
        "EnvSecretKeyRef", doc: "A key of a Secret in the serving namespace; platc references it, never reads it.",
        fields: [
            .required("name", .string(.dnsLabel), "Name of the Secret.", example: "hf-token"),
            .required("key", .string(.dataKey), "Key in the Secret's data.", example: "token"),
        ])

    static let adapterShape = ObjectShape(
        "LoRAAdapter", doc: "One LoRA adapter.",
        fields: [
            .required("name", .string(.dnsLabel), "Adapter name (vLLM --lora-modules name).", example: "sql-lora"),
            .optional("alias", .string(.modelAlias), "Name tenants call; the adapter name when absent.", example: "llama-3.1-8b-sql"),
            .required(
                "image", .string(.imageReference), "OCI image holding the adapter, pinned by digest.",
                example: "registry.example.com/adapters/sql@sha256:…"),
            .required(
                "tenants", .list(.string(.dnsLabel), minItems: 1, unique: true), "Tenants allowed to call the adapter.", example: "[search]"
            ),
        ])

    static let loraShape = ObjectShape(
        "LoRA", doc: "LoRA serving on a base model.",
        fields: [
            .optional("maxLoras", .integer(min: 1, max: 256), "Adapters resident at once (--max-loras).", default: "1"),
            .optional("maxRank", .integer(min: 1, max: 512), "Largest adapter rank (--max-lora-rank).", default: "16"),
            .required("adapters", .list(.object(adapterShape), minItems: 1), "The adapters."),
        ])

    static let pricingShape = ObjectShape(
        "Pricing", doc: "Price per million tokens in US dollars.",
        fields: [
            .required("inputPerMillion", .usd, "USD per million input tokens.", example: "0.10"),
            .required("outputPerMillion", .usd, "USD per million output tokens.", example: "0.20"),
        ])

    init(_ r: FieldReader, config: HFConfig) throws {
        name = try r.string("name")
        owner = try r.string("owner")
        status = try r.choice("status", as: Status.self)
        description = try r.string("description")
        let writtenMode = try r.optionalChoice("mode", as: Mode.self)
        servedName = try r.string("servedName")
        aliases = try r.strings("aliases")
        source = try r.object("source") {
            Source(
                modelcar: try $0.string("modelcar"), config: try $0.string("config"), parameters: try $0.optionalInteger("parameters"),
                measuredWeights: try $0.optionalQuantity("measuredWeights"))
        }
        serving = try r.object("serving") { s in
            Serving(
                engine: try s.object("engine") { Serving.Engine(image: try $0.string("image"), version: try $0.string("version")) },
                task: try s.choice("task", as: Serving.Task.self),
                gpuClass: try s.string("gpuClass"), tensorParallel: try s.integer("tensorParallel"),
                dtype: try s.choice("dtype", as: Serving.Dtype.self),
                quantization: try s.optionalString("quantization"), maxModelLen: try s.integer("maxModelLen"),
                maxNumSeqs: try s.integer("maxNumSeqs"), maxNumBatchedTokens: try s.optionalInteger("maxNumBatchedTokens"),
                gpuMemoryUtilization: try s.fraction("gpuMemoryUtilization"),
                kvCacheDtype: try s.choice("kvCacheDtype", as: Serving.KVCacheDtype.self),
                startupTimeout: try s.duration("startupTimeout"),
                replicas: try s.object("replicas") {
                    Serving.Replicas(min: try $0.integer("min"), max: try $0.integer("max"), span: $0.span)
                },
                autoscaling: try s.optionalChoice("autoscaling", as: Serving.Autoscaling.self),
                keda: try s.object("keda") { [written = s.isWritten("keda")] in
                    Serving.KEDA(
                        cooldown: try $0.duration("cooldown"), waitingPerReplica: try $0.integer("waitingPerReplica"),
                        kvCacheUsage: try $0.optionalFraction("kvCacheUsage"), fallbackReplicas: try $0.optionalInteger("fallbackReplicas"),
                        isWritten: written, span: $0.span)
                },
                rollout: try s.choice("rollout", as: Serving.Rollout.self),
                resources: try s.optionalObject("resources") {
                    Serving.Resources(cpu: try $0.optionalQuantity("cpu"), memory: try $0.optionalQuantity("memory"), span: $0.span)
                },
                toolCallParser: try s.optionalString("toolCallParser"), reasoningParser: try s.optionalString("reasoningParser"),
                extraArgs: try s.strings("extraArgs"), env: try s.objects("env", Serving.EnvVariable.init),
                languageModelOnly: try s.boolean("languageModelOnly"))
        }
        // An embedding model is called for embeddings unless the source says otherwise (engine/task-mode).
        mode = writtenMode ?? (serving.task.value == .embed ? Located(.embedding, at: serving.task.span) : Located(.chat, at: r.span))
        lora = try r.optionalObject("lora") { l in
            LoRA(
                maxLoras: try l.integer("maxLoras"), maxRank: try l.integer("maxRank"),
                adapters: try l.objects("adapters") {
                    LoRA.Adapter(
                        name: try $0.string("name"), alias: try $0.optionalString("alias"), image: try $0.string("image"),
                        tenants: try $0.strings("tenants"), span: $0.span)
                })
        }
        tenants = try r.strings("tenants")
        pricing = try r.object("pricing", Pricing.init)
        rateLimits = try r.optionalObject("rateLimits", RateLimits.init)
        self.config = config
        span = r.span
    }
}
