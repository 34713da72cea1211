import PlatcSpec

/// `routing.mode: inference-gateway`, resolved once: the inference Gateway's names and address,
/// which models get an InferencePool, and the endpoint picker's names and ports. LiteLLM's
/// entries, the Gateway, the routes, pools, pickers and NetworkPolicies, the checks and the diff
/// read it (docs/request-path.md, "Inference-gateway mode").
public struct InferenceRouting: Sendable {
    /// The inference Gateway's one listener.
    public static let listenerName = "http"

    /// The endpoint picker's ports (llm-d-router v0.10.0; docs/research/endpoint-picker-notes.md):
    /// Envoy ext-proc (gRPC) the gateway calls, gRPC health the kubelet probes, Prometheus metrics.
    public static let extProcPort: Int64 = 9002
    public static let healthPort: Int64 = 9003
    public static let metricsPort: Int64 = 9090

    public let gatewayName: String
    public let namespace: String
    public let className: String
    public let port: Int64
    /// The Service the gateway implementation creates for the Gateway: LiteLLM's `api_base` host.
    public let serviceName: String

    /// nil in direct mode.
    public init?(_ platform: Platform) {
        guard platform.routing.mode.value == .inferenceGateway else { return nil }
        let gateway = platform.routing.inferenceGateway
        gatewayName = gateway.name.value
        namespace = gateway.namespace.value
        className = gateway.className?.value ?? platform.gateway.className.value
        port = gateway.port.value
        serviceName = gateway.serviceName?.value ?? gateway.name.value
    }

    /// Where LiteLLM sends a model's requests (its adapters' too): the inference Gateway's
    /// Service, under the model's path prefix, which its HTTPRoute matches and strips. The route is
    /// chosen by the path, not by a header: LiteLLM lets a caller replace an entry's
    /// `extra_headers` from the request body, but refuses an `api_base` there
    /// (docs/request-path.md, "Why a path, not a header").
    public func apiBase(model: String) -> String {
        "http://\(serviceName).\(namespace).svc.cluster.local:\(port)\(Self.pathPrefix(model: model))/v1"
    }

    /// The path prefix of a model's route: `/<model>` (a DNS label, so one path segment).
    public static func pathPrefix(model: String) -> String { "/" + model }

    /// A model's endpoint picker: its Deployment, Service and PodDisruptionBudget.
    public static func pickerName(of model: String) -> String { model + "-epp" }

    /// Whether a model gets a pool, a route and a picker: every model but a parked one, which
    /// LiteLLM refuses before any request leaves it (`model_info.blocked`).
    public static func isPooled(_ model: ModelFacts) -> Bool { model.replicas.mode != .parked }
}
