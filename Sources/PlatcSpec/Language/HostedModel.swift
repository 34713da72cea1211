/// A model an external provider serves (Anthropic, OpenAI, …): LiteLLM calls the provider with the
/// platform's key, and nothing of it runs in the cluster. It is a `kind: Model` document with
/// `provider` instead of `servedName`, `source` and `serving`; it shares the catalog, tenants'
/// access, prices, budgets and rate limits with the models vLLM serves, and has no GPU.
public struct HostedModel: OfferedModel {
    public var name: Located<String>
    public var owner: Located<String>
    public var status: Located<Model.Status>
    public var description: Located<String>
    public var mode: Located<Model.Mode>
    public var aliases: [Located<String>]
    public var provider: Provider
    public var tenants: [Located<String>]
    public var pricing: Model.Pricing
    public var rateLimits: RateLimits?
    public var span: SourceSpan

    public struct Provider: Sendable {
        /// LiteLLM's provider, the prefix of `litellm_params.model`.
        public var name: Located<String>
        /// The provider's model id, sent upstream as the request's `model`.
        public var model: Located<String>
        /// The provider's API key: a Secret key in the LiteLLM namespace, read from LiteLLM's environment.
        public var apiKeyRef: Platform.SecretKeyRef
        /// Where LiteLLM sends the calls; nil: the provider's own endpoint (LiteLLM's default).
        public var apiBase: Located<String>?
        public var span: SourceSpan

        /// LiteLLM's providers that one API key (and an optional API base) fully configure, in the
        /// pinned LiteLLM, each with the path LiteLLM appends to an `api_base` for a chat call
        /// (docs/research/litellm-hosted-notes.md, "Providers"). Left out: cohere (its base is the
        /// whole endpoint), azure (a deployment and an API version), bedrock and vertex_ai (cloud
        /// credentials, not a key).
        public static let appendedPaths: [(name: String, path: String)] = [
            ("anthropic", "/v1/messages"), ("deepseek", "/chat/completions"), ("fireworks_ai", "/chat/completions"),
            ("gemini", "/models/<model>:generateContent"), ("groq", "/chat/completions"), ("mistral", "/chat/completions"),
            ("openai", "/chat/completions"), ("openrouter", "/chat/completions"), ("perplexity", "/chat/completions"),
            ("together_ai", "/chat/completions"), ("xai", "/chat/completions"),
        ]

        public static let names = appendedPaths.map(\.name)
    }

    static let providerShape = ObjectShape(
        "Provider", doc: "The external provider that serves a hosted model; LiteLLM calls it directly.",
        fields: [
            .required(
                "name", .oneOf(Provider.names), "LiteLLM's provider: the prefix of the model it calls (`<name>/<model>`).",
                example: "anthropic"),
            .required(
                "model", .string(.servedModelName), "The provider's model id, sent upstream as `model`.", example: "claude-haiku-4-5"),
            .required(
                "apiKeyRef", .object(apiKeyRefShape),
                "The Secret key holding the provider's API key; LiteLLM's pods read it from their environment.",
                example: "{name: anthropic-api-key, key: ANTHROPIC_API_KEY}"),
            .optional(
                "apiBase", .string(.httpURL), "The provider's endpoint, when not its public one (a regional or proxy URL).",
                example: "https://api.anthropic.com"),
        ])

    static let apiKeyRefShape = ObjectShape(
        "ProviderKeyRef", doc: "A key of a Secret in the LiteLLM namespace; platc references it, never reads it.",
        fields: [
            .required("name", .string(.dnsLabel), "Name of the Secret.", example: "anthropic-api-key"),
            .required("key", .string(.dataKey), "Key in the Secret's data.", example: "ANTHROPIC_API_KEY"),
        ])

    init(_ r: FieldReader) throws {
        name = try r.string("name")
        owner = try r.string("owner")
        status = try r.choice("status", as: Model.Status.self)
        description = try r.string("description")
        mode = try r.optionalChoice("mode", as: Model.Mode.self) ?? Located(.chat, at: r.span)
        aliases = try r.strings("aliases")
        provider = try r.object("provider") {
            Provider(
                name: try $0.string("name"), model: try $0.string("model"),
                apiKeyRef: try $0.object("apiKeyRef", Platform.SecretKeyRef.init),
                apiBase: try $0.optionalString("apiBase"), span: $0.span)
        }
        tenants = try r.strings("tenants")
        pricing = try r.object("pricing", Model.Pricing.init)
        rateLimits = try r.optionalObject("rateLimits", RateLimits.init)
        span = r.span
    }
}

/// What every model offers tenants through LiteLLM, whether vLLM serves it here or a provider
/// hosts it: its names, who may call it, what it costs and how fast, and what the catalog says.
public protocol OfferedModel: Sendable {
    var name: Located<String> { get }
    var owner: Located<String> { get }
    var status: Located<Model.Status> { get }
    var description: Located<String> { get }
    var mode: Located<Model.Mode> { get }
    var aliases: [Located<String>] { get }
    var tenants: [Located<String>] { get }
    var pricing: Model.Pricing { get }
    var rateLimits: RateLimits? { get }
    /// LoRA adapters, each called by a name of its own; none for a hosted model.
    var loraAdapters: [Model.LoRA.Adapter] { get }
    var span: SourceSpan { get }
}

extension Model: OfferedModel {
    public var loraAdapters: [LoRA.Adapter] { lora?.adapters ?? [] }
}

extension HostedModel {
    public var loraAdapters: [Model.LoRA.Adapter] { [] }
}
