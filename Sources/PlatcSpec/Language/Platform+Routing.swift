extension Platform {
    /// How LiteLLM reaches the models (docs/request-path.md): each model's Service, or an internal
    /// inference Gateway with an InferencePool and an endpoint picker per model.
    public struct Routing: Sendable {
        public enum Mode: String, Sendable, CaseIterable {
            /// LiteLLM → the model's Service → vLLM.
            case direct
            /// LiteLLM → the inference Gateway → the model's HTTPRoute → its InferencePool, whose
            /// endpoint picker chooses the replica → vLLM.
            case inferenceGateway = "inference-gateway"
        }

        public var mode: Located<Mode>
        public var inferenceGateway: InferenceGateway
        public var endpointPicker: EndpointPicker
        public var span: SourceSpan

        /// The Gateway platc renders for model traffic, apart from the edge Gateway.
        public struct InferenceGateway: Sendable {
            public var name: Located<String>
            public var namespace: Located<String>
            /// nil: the edge Gateway's class.
            public var className: Located<String>?
            public var port: Located<Int64>
            /// nil: the Gateway's name, as agentgateway and kgateway name the Service they create.
            public var serviceName: Located<String>?
            public var isWritten: Bool
            public var span: SourceSpan
        }

        /// The endpoint picker (llm-d's router) platc renders per InferencePool.
        public struct EndpointPicker: Sendable {
            public var image: Located<String>?
            public var cpu: Located<Quantity>
            public var memory: Located<Quantity>
            public var isWritten: Bool
            public var span: SourceSpan
        }

        static let shape = ObjectShape(
            "Routing", doc: "How LiteLLM reaches the models: their Services, or an inference Gateway with an endpoint picker.",
            fields: [
                .optional(
                    "mode", .oneOf(Mode.allCases.map(\.rawValue)),
                    "direct: LiteLLM calls each model's Service; inference-gateway: an internal Gateway, InferencePools and endpoint pickers.",
                    default: "direct"),
                .optional(
                    "inferenceGateway", .object(inferenceGatewayShape),
                    "The Gateway platc renders for model traffic (inference-gateway mode).",
                    default: "{}"),
                .optional(
                    "endpointPicker", .object(endpointPickerShape), "The endpoint picker of every InferencePool (inference-gateway mode).",
                    default: "{}"),
            ])

        static let inferenceGatewayShape = ObjectShape(
            "InferenceGateway", doc: "The internal Gateway LiteLLM sends model traffic to; not exposed at the edge.",
            fields: [
                .optional("name", .string(.dnsLabel), "Name of the Gateway object.", default: "inference-gateway"),
                .optional(
                    "namespace", .string(.dnsLabel), "Namespace of the Gateway and its data plane.", default: "llm-inference-gateway"),
                .optional(
                    "className", .string(.dnsLabel), "GatewayClass; it must support InferencePool backends. Absent: the edge Gateway's.",
                    example: "agentgateway"),
                .optional("port", .integer(min: 1, max: 65_535), "Port of its HTTP listener and of its Service.", default: "80"),
                .optional(
                    "serviceName", .string(.dnsLabel),
                    "Name of the Service the gateway implementation creates for it. Absent: the Gateway's name (agentgateway, kgateway); Istio names it <name>-istio.",
                    example: "inference-gateway-istio"),
            ])

        static let endpointPickerShape = ObjectShape(
            "EndpointPicker", doc: "llm-d's endpoint picker, one Deployment per InferencePool.",
            fields: [
                .optional(
                    "image", .string(.imageReference),
                    "The endpoint picker image (llm-d-router-endpoint-picker v0.10.0), pinned by digest; required in inference-gateway mode.",
                    example: "ghcr.io/llm-d/llm-d-router-endpoint-picker@sha256:…"),
                .optional("cpu", .quantity(.cpu), "CPU each picker requests (no limit: it must not be throttled).", default: "500m"),
                .optional("memory", .quantity(.memory), "Memory each picker requests and is limited to.", default: "512Mi"),
            ])

        init(_ r: FieldReader) throws {
            mode = try r.choice("mode", as: Mode.self)
            inferenceGateway = try r.object("inferenceGateway") { [written = r.isWritten("inferenceGateway")] g in
                InferenceGateway(
                    name: try g.string("name"), namespace: try g.string("namespace"), className: try g.optionalString("className"),
                    port: try g.integer("port"), serviceName: try g.optionalString("serviceName"), isWritten: written, span: g.span)
            }
            endpointPicker = try r.object("endpointPicker") { [written = r.isWritten("endpointPicker")] p in
                EndpointPicker(
                    image: try p.optionalString("image"), cpu: try p.quantity("cpu"), memory: try p.quantity("memory"),
                    isWritten: written, span: p.span)
            }
            span = r.span
        }
    }
}
