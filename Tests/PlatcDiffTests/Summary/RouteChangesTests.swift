import PlatcDiff
import PlatcFacts
import Testing

/// Routes read from the rendered files: a platc upgrade moves them without a source change, and
/// the summary says what that means for the gateway's clients.
@Suite struct RouteChangesTests {
    /// A per-model route of earlier platc: the gateway matched the served name in a header.
    static let modelRoute = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: tiny, namespace: llm-serving}
        spec:
          parentRefs: [{name: llm-gateway, namespace: llm-gateway}]
          rules:
          - matches:
            - headers: [{name: X-Gateway-Model-Name, value: Qwen/Qwen2.5-0.5B-Instruct}]
            backendRefs: [{group: inference.networking.k8s.io, kind: InferencePool, name: tiny}]
            timeouts: {request: 2m}

        """

    static let edgeRoute = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: edge, namespace: litellm}
        spec:
          parentRefs: [{name: llm-gateway, namespace: llm-gateway}]
          hostnames: [llm.mini.example.com]
          rules:
          - backendRefs: [{kind: Service, name: litellm, port: 4000}]
            timeouts: {request: 2m}

        """

    static func summary(base: [String: String], head: [String: String]) throws -> PlatformSummary {
        let platform = try SummaryPlatform().load()
        let bytes = { (files: [String: String]) in files.mapValues { Array($0.utf8) } }
        return PlatformSummary.compare(
            base: Facts(platform.spec), baseDiagnostics: platform.diagnostics, head: Facts(platform.spec),
            headDiagnostics: platform.diagnostics,
            changedRoutes: (RouteChanges.routeFiles(bytes(base)), RouteChanges.routeFiles(bytes(head))))
    }

    @Test func aModelRouteReplacedByTheEdgeTellsClientsWhatToSendNow() throws {
        let summary = try Self.summary(
            base: ["manifests/llm-serving/httproute.tiny.yaml": Self.modelRoute],
            head: ["manifests/litellm/httproute.edge.yaml": Self.edgeRoute])
        #expect(
            summary.changes.map(\.text) == [
                "Route litellm/edge added: Gateway llm-gateway/llm-gateway, host llm.mini.example.com → Service litellm:4000, deadline 2m",
                "Route llm-serving/tiny removed (was Gateway llm-gateway/llm-gateway, model header Qwen/Qwen2.5-0.5B-Instruct → "
                    + "InferencePool tiny, deadline 2m); clients that sent the model header `Qwen/Qwen2.5-0.5B-Instruct` to the "
                    + "gateway now reach LiteLLM (route litellm/edge): they need a LiteLLM key, and `model` must be a LiteLLM name "
                    + "(`tiny`)",
            ])
        #expect(summary.changes.allSatisfy { $0.topic == .requestPath })
    }

    @Test func aChangedRouteListsEachFactThatChanged() throws {
        let head = Self.edgeRoute.replacing("request: 2m", with: "request: 3m").replacing("port: 4000", with: "port: 4100")
        let summary = try Self.summary(
            base: ["manifests/litellm/httproute.edge.yaml": Self.edgeRoute], head: ["manifests/litellm/httproute.edge.yaml": head])
        #expect(
            summary.changes.map(\.text) == [
                "Backends of route litellm/edge: Service litellm:4000 → Service litellm:4100",
                "Request deadline of route litellm/edge: 2m → 3m",
            ])
    }

    @Test func otherFilesAreNotRoutes() throws {
        let summary = try Self.summary(
            base: ["manifests/litellm/configmap.x.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"],
            head: ["litellm/config.yaml": "model_list: []\n"])
        #expect(summary.changes.isEmpty)
    }
}
