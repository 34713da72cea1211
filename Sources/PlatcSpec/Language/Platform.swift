/// Platform-wide settings: one per platform repo, in platform/.
public struct Platform: Sendable {
    public var name: Located<String>
    public var description: Located<String>?
    public var kubernetesVersion: Located<String>
    public var namespaces: Namespaces
    public var gateway: Gateway
    public var timeouts: Timeouts
    public var budget: PlatformBudget
    public var policy: Policy
    public var modelcar: Modelcar
    public var argocd: ArgoCD
    public var litellm: LiteLLM
    public var serving: Serving
    public var routing: Routing
    public var span: SourceSpan

    public struct Namespaces: Sendable {
        public var serving: Located<String>
        public var gateway: Located<String>
        public var litellm: Located<String>
    }

    public struct Gateway: Sendable {
        public var name: Located<String>
        public var className: Located<String>
        public var hostname: Located<String>
    }

    /// The request path's deadlines, outermost first: client > gateway > router > inference
    /// gateway (in that routing mode) > engine.
    public struct Timeouts: Sendable {
        public var client: Located<Duration>
        public var gateway: Located<Duration>
        public var router: Router
        /// The inference route's deadline; nil: derived (`TimeoutLadder`), or no such hop.
        public var inferenceGateway: Located<Duration>?
        public var engine: Located<Duration>

        public struct Router: Sendable {
            public var timeout: Located<Duration>
            public var streamTimeout: Located<Duration>?
            public var retries: Located<Int64>
            public var retryBackoff: Located<Duration>
        }
    }

    public struct PlatformBudget: Sendable {
        public var usd: Located<USD>
        public var period: Located<String>
        public var overcommit: Located<Double>
    }

    public struct Policy: Sendable {
        public enum Mode: String, Sendable { case audit = "Audit", enforce = "Enforce" }
        public var mode: Located<Mode>
        public var allowedRegistries: [Located<String>]
        public var requireDigests: Located<Bool>
        public var cosignPublicKey: Located<String>?
    }

    public struct Modelcar: Sendable {
        public enum Delivery: String, Sendable { case auto, imageVolume, sidecar }
        public var delivery: Located<Delivery>
    }

    public struct ArgoCD: Sendable {
        public var namespace: Located<String>
        public var project: Located<String>
        public var repoURL: Located<String>
        public var targetRevision: Located<String>
        public var path: Located<String>
        public var shards: Shards
        /// Whether the Applications delete what left the sources; off while objects move
        /// between Applications (docs/render-argocd.md).
        public var prune: Located<Bool>

        /// How many Applications the tenants and the served models are split into; nil: the
        /// default rule from the platform's size (ApplicationLayout).
        public struct Shards: Sendable {
            public var tenants: Located<Int64>?
            public var serving: Located<Int64>?
            /// `argocd.shards`, or `argocd` standing in when it is not written.
            public var span: SourceSpan
        }
    }

    /// The LiteLLM proxy settings platc renders into its config and the team reconciler.
    public struct LiteLLM: Sendable {
        /// The LiteLLM image; the team reconciler Job runs its python3. None: no reconciler.
        public var image: Located<String>?
        public var masterKeyRef: SecretKeyRef
        /// Where `masterKeyRef` is written; nil when its defaults stand in.
        public var masterKeyRefSpan: SourceSpan?
        public var allowedFails: Located<Int64>
        public var cooldown: Located<Duration>
        public var service: Service

        /// LiteLLM's Service in its namespace: the edge route's backend, the tenants' egress port.
        public struct Service: Sendable {
            public var name: Located<String>
            public var port: Located<Int64>
        }
    }

    /// Settings every vLLM server shares.
    public struct Serving: Sendable {
        /// The Secret key vLLM requires as a bearer token (VLLM_API_KEY), in the serving namespace.
        public var apiKeyRef: SecretKeyRef
        /// During a key rotation, the key vLLM still accepts beside `apiKeyRef` (docs/request-path.md).
        public var previousApiKeyRef: SecretKeyRef?
    }

    /// A key of a Secret that platc references and never reads (a `secretKeyRef`).
    public struct SecretKeyRef: Sendable {
        public var name: Located<String>
        public var key: Located<String>

        init(_ r: FieldReader) throws {
            name = try r.string("name")
            key = try r.string("key")
        }
    }

    public static let shape = ObjectShape(
        "Platform", doc: "Platform-wide settings: Kubernetes target, namespaces, gateway, timeouts, budget, policy, GitOps.",
        fields: DocumentHeader.fields(.platform, nameDoc: "Name of the platform.") + [
            .optional("description", .string(.text), "What this platform is for.", example: "GPU lab"),
            .required(
                "kubernetesVersion", .string(.kubernetesVersion),
                "Kubernetes minor version the cluster runs; gates features such as image volumes.",
                example: "\"1.33\""),
            .optional("namespaces", .object(namespacesShape), "Namespaces of the shared services.", default: "{}"),
            .required("gateway", .object(gatewayShape), "The Gateway API entry point in front of LiteLLM."),
            .required("timeouts", .object(timeoutsShape), "Deadlines per layer of the request path; they must nest."),
            .required("budget", .object(budgetShape), "The platform's total spending limit."),
            .required("policy", .object(policyShape), "Admission policy settings (Kyverno)."),
            .optional("modelcar", .object(modelcarShape), "How model weights reach the vLLM pods.", default: "{}"),
            .required("argocd", .object(argocdShape), "Where Argo CD finds out/."),
            .optional("litellm", .object(litellmShape), "The LiteLLM proxy: router settings and the team reconciler.", default: "{}"),
            .optional("serving", .object(servingShape), "Settings every vLLM server shares: the API key it requires.", default: "{}"),
            .optional(
                "routing", .object(Routing.shape), "How LiteLLM reaches the models: directly or through an inference Gateway.",
                default: "{}"),
        ])

    static let namespacesShape = ObjectShape(
        "Namespaces", doc: "Namespaces of the shared services.",
        fields: [
            .optional("serving", .string(.dnsLabel), "Namespace of the vLLM deployments.", default: "llm-serving"),
            .optional("gateway", .string(.dnsLabel), "Namespace of the Gateway.", default: "llm-gateway"),
            .optional("litellm", .string(.dnsLabel), "Namespace of the LiteLLM proxy.", default: "litellm"),
        ])

    static let gatewayShape = ObjectShape(
        "Gateway", doc: "The Gateway API entry point.",
        fields: [
            .optional("name", .string(.dnsLabel), "Name of the Gateway object.", default: "llm-gateway"),
            .required("className", .string(.dnsLabel), "GatewayClass to use.", example: "agentgateway"),
            .required("hostname", .string(.hostname), "Hostname clients call.", example: "llm.example.com"),
        ])

    static let routerShape = ObjectShape(
        "RouterTimeouts", doc: "LiteLLM router deadlines; timeouts are per attempt.",
        fields: [
            .required("timeout", .duration, "Per-attempt timeout of a non-streaming request.", example: "120s"),
            .optional("streamTimeout", .duration, "Per-attempt timeout to the first or next chunk of a stream.", example: "30s"),
            .optional("retries", .integer(min: 0, max: 10), "Retries after the first attempt.", default: "0"),
            .optional("retryBackoff", .duration, "Pause before each retry.", default: "0s"),
        ])

    static let timeoutsShape = ObjectShape(
        "Timeouts", doc: "Deadlines per layer; each must be strictly inside the one above.",
        fields: [
            .required("client", .duration, "What clients are told to wait at most.", example: "600s"),
            .required("gateway", .duration, "The gateway's hard request deadline.", example: "300s"),
            .required("router", .object(routerShape), "LiteLLM router deadlines and retries."),
            .optional(
                "inferenceGateway", .duration,
                "The inference route's deadline per attempt (inference-gateway mode). Absent: halfway between engine and router.timeout, in whole seconds where they allow.",
                example: "115s"),
            .required("engine", .duration, "The longest a vLLM request may run.", example: "110s"),
        ])

    static let budgetShape = ObjectShape(
        "PlatformBudget", doc: "The platform's spending limit that tenant budgets share.",
        fields: [
            .required("usd", .usd, "Total spend per period, in US dollars.", example: "5000"),
            .optional("period", .string(.budgetPeriod), "How often budgets reset.", default: "30d"),
            .optional(
                "overcommit", .decimal(min: 1, max: 100),
                "How far the sum of tenant budgets may exceed the platform budget (1 = not at all).", default: "1"),
        ])

    static let policyShape = ObjectShape(
        "Policy", doc: "Admission policy settings.",
        fields: [
            .optional("mode", .oneOf(["Audit", "Enforce"]), "Kyverno validationFailureAction.", default: "Audit"),
            .required(
                "allowedRegistries", .list(.string(.registryPrefix), minItems: 1, unique: true),
                "Registries (with optional path prefix) images may come from.", example: "[registry.example.com]"),
            .optional("requireDigests", .boolean, "Require every image to be pinned by digest.", default: "true"),
            .optional(
                "cosignPublicKey", .string(.text), "PEM public key; when set, image signatures are verified.",
                example: "|\n  -----BEGIN PUBLIC KEY-----…"),
        ])

    static let modelcarShape = ObjectShape(
        "Modelcar", doc: "How OCI modelcar weights are mounted.",
        fields: [
            .optional(
                "delivery", .oneOf(["auto", "imageVolume", "sidecar"]),
                "auto picks an image volume when the Kubernetes version supports it, else a sidecar.", default: "auto")
        ])

    static let argocdShape = ObjectShape(
        "ArgoCD", doc: "Where Argo CD finds the rendered output.",
        fields: [
            .optional("namespace", .string(.dnsLabel), "Namespace Argo CD runs in.", default: "argocd"),
            .optional("project", .string(.dnsLabel), "AppProject of the platform's applications.", default: "llm-platform"),
            .required("repoURL", .string(.url), "Git URL of this repo.", example: "https://git.example.com/platform/llm.git"),
            .optional("targetRevision", .string(.text), "Branch, tag or commit Argo CD follows.", default: "main"),
            .optional("path", .string(.relativePath), "Folder of the rendered output in the repo.", default: "out"),
            .optional(
                "shards", .object(argocdShardsShape),
                "How many Applications the tenants and the served models are split into (docs/render-argocd.md).",
                default: "{}"),
            .optional(
                "prune", .boolean,
                "Whether the Applications delete objects that left the sources; false for one sync while objects move "
                    + "between Applications.", default: "true"),
        ])

    static let argocdShardsShape = ObjectShape(
        "ArgoCDShards", doc: "How many Applications the tenants and the served models are split into.",
        fields: [
            .optional(
                "tenants", .integer(min: 1, max: Int64(ArgoCDShardLimits.maximum)),
                "Tenant Applications; default one per \(ArgoCDShardLimits.tenantsPerShard) tenants.", example: "8"),
            .optional(
                "serving", .integer(min: 1, max: Int64(ArgoCDShardLimits.maximum)),
                "Serving Applications; default one per \(ArgoCDShardLimits.modelsPerShard) served models.", example: "2"),
        ])

    static let masterKeyRefShape = ObjectShape(
        "SecretKeyRef", doc: "A key of a Secret in the LiteLLM namespace; platc references it, never reads it.",
        fields: [
            .optional("name", .string(.dnsLabel), "Name of the Secret.", default: "litellm-master-key"),
            .optional("key", .string(.dataKey), "Key in the Secret's data.", default: "LITELLM_MASTER_KEY"),
        ])

    static let litellmShape = ObjectShape(
        "LiteLLM", doc: "The LiteLLM proxy: router settings and the team reconciler.",
        fields: [
            .optional(
                "image", .string(.imageReference),
                "LiteLLM image the team reconciler Job runs in (its python3); without it no teams are reconciled.",
                example: "ghcr.io/berriai/litellm@sha256:…"),
            .optional(
                "masterKeyRef", .object(masterKeyRefShape), "The Secret key holding LiteLLM's master key, for the reconciler.",
                default: "{}"),
            .optional(
                "allowedFails", .integer(min: 1, max: 10_000),
                "Failures per minute after which LiteLLM cools a deployment down.", default: "3"),
            .optional("cooldown", .duration, "How long a cooled-down deployment gets no requests.", default: "30s"),
            .optional(
                "service", .object(litellmServiceShape),
                "LiteLLM's Service: the edge route's backend and the port tenants may call.", default: "{}"),
        ])

    static let litellmServiceShape = ObjectShape(
        "LiteLLMService", doc: "LiteLLM's Service in the LiteLLM namespace (platc routes to it; the platform team deploys it).",
        fields: [
            .optional("name", .string(.dnsLabel), "Name of the Service.", default: "litellm"),
            .optional(
                "port", .integer(min: 1, max: 65_535), "Its port, which must also be the LiteLLM pods' port (LiteLLM's --port).",
                default: "4000"),
        ])

    static let apiKeyRefShape = ObjectShape(
        "APIKeyRef", doc: "A key of a Secret in the serving namespace; platc references it, never reads it.",
        fields: [
            .optional("name", .string(.dnsLabel), "Name of the Secret.", default: "vllm-api-key"),
            .optional("key", .string(.dataKey), "Key in the Secret's data.", default: "VLLM_API_KEY"),
        ])

    static let previousApiKeyRefShape = ObjectShape(
        "PreviousAPIKeyRef", doc: "A key of a Secret in the serving namespace that vLLM accepts during a rotation.",
        fields: [
            .required("name", .string(.dnsLabel), "Name of the Secret.", example: "vllm-api-key-2026-11"),
            .optional("key", .string(.dataKey), "Key in the Secret's data.", default: "VLLM_API_KEY"),
        ])

    static let servingShape = ObjectShape(
        "PlatformServing", doc: "Settings every vLLM server shares.",
        fields: [
            .optional(
                "apiKeyRef", .object(apiKeyRefShape),
                "The Secret key every vLLM server requires as a bearer token; LiteLLM sends the same value.", default: "{}"),
            .optional(
                "previousApiKeyRef", .object(previousApiKeyRefShape),
                "While rotating the key: the old key, which vLLM accepts beside apiKeyRef until LiteLLM sends the new one.",
                example: "{name: vllm-api-key-2026-11}"),
        ])

    init(_ r: FieldReader) throws {
        name = try r.string("name")
        description = try r.optionalString("description")
        kubernetesVersion = try r.string("kubernetesVersion")
        namespaces = try r.object("namespaces") {
            Namespaces(serving: try $0.string("serving"), gateway: try $0.string("gateway"), litellm: try $0.string("litellm"))
        }
        gateway = try r.object("gateway") {
            Gateway(name: try $0.string("name"), className: try $0.string("className"), hostname: try $0.string("hostname"))
        }
        timeouts = try r.object("timeouts") { t in
            Timeouts(
                client: try t.duration("client"), gateway: try t.duration("gateway"),
                router: try t.object("router") {
                    Timeouts.Router(
                        timeout: try $0.duration("timeout"), streamTimeout: try $0.optionalDuration("streamTimeout"),
                        retries: try $0.integer("retries"), retryBackoff: try $0.duration("retryBackoff"))
                },
                inferenceGateway: try t.optionalDuration("inferenceGateway"), engine: try t.duration("engine"))
        }
        budget = try r.object("budget") {
            PlatformBudget(usd: try $0.usd("usd"), period: try $0.string("period"), overcommit: try $0.decimal("overcommit"))
        }
        policy = try r.object("policy") {
            Policy(
                mode: try $0.choice("mode", as: Policy.Mode.self), allowedRegistries: try $0.strings("allowedRegistries"),
                requireDigests: try $0.boolean("requireDigests"), cosignPublicKey: try $0.optionalString("cosignPublicKey"))
        }
        modelcar = try r.object("modelcar") { Modelcar(delivery: try $0.choice("delivery", as: Modelcar.Delivery.self)) }
        argocd = try r.object("argocd") {
            ArgoCD(
                namespace: try $0.string("namespace"), project: try $0.string("project"), repoURL: try $0.string("repoURL"),
                targetRevision: try $0.string("targetRevision"), path: try $0.string("path"),
                shards: try $0.object("shards") { shards in
                    ArgoCD.Shards(
                        tenants: try shards.optionalInteger("tenants"), serving: try shards.optionalInteger("serving"),
                        span: shards.span)
                },
                prune: try $0.boolean("prune"))
        }
        litellm = try r.object("litellm") { l in
            LiteLLM(
                image: try l.optionalString("image"),
                masterKeyRef: try l.object("masterKeyRef", SecretKeyRef.init),
                masterKeyRefSpan: l.isWritten("masterKeyRef") ? try l.object("masterKeyRef") { $0.span } : nil,
                allowedFails: try l.integer("allowedFails"), cooldown: try l.duration("cooldown"),
                service: try l.object("service") { LiteLLM.Service(name: try $0.string("name"), port: try $0.integer("port")) })
        }
        serving = try r.object("serving") { s in
            Serving(
                apiKeyRef: try s.object("apiKeyRef", SecretKeyRef.init),
                previousApiKeyRef: try s.optionalObject("previousApiKeyRef", SecretKeyRef.init))
        }
        routing = try r.object("routing", Routing.init)
        span = r.span
    }
}
