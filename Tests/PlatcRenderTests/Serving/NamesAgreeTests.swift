import Testing

@testable import PlatcRender

/// The names the seed platform wired by hand and got wrong: one source of truth each.
@Suite struct NamesAgreeTests {
    static let lora = """
        lora:
          maxLoras: 2
          adapters:
            - name: sql-lora
              image: registry.example.com/adapters/sql@sha256:3333333333333333333333333333333333333333333333333333333333333333
              tenants: [team]
            - name: tone-lora
              image: registry.example.com/adapters/tone@sha256:4444444444444444444444444444444444444444444444444444444444444444
              tenants: [team]

        """

    @Test func servedNameIsTheRouteHeaderAndPoolIsTheBackend() throws {
        let fixture = try ServingFixture()
        let deployment = try fixture.object("Deployment")
        let route = try fixture.object("HTTPRoute")
        let pool = try fixture.object("InferencePool")
        let served = try #require(deployment.argument("--served-model-name"))
        #expect(served == "Qwen/Qwen2.5-0.5B-Instruct")
        let header = route.spec?.at("rules.0.matches.0.headers.0")
        #expect(header?.at("name")?.stringValue == "X-Gateway-Model-Name")
        #expect(header?.at("value")?.stringValue == served)
        #expect(header?.at("type")?.stringValue == "Exact")
        let backend = route.spec?.at("rules.0.backendRefs.0")
        #expect(backend?.at("name")?.stringValue == pool.name)
        #expect(backend?.at("group")?.stringValue == "inference.networking.k8s.io")
        #expect(backend?.at("kind")?.stringValue == "InferencePool")
        // The route lives in the pool's namespace (agentgateway ignores ReferenceGrants).
        #expect(route.namespace == pool.namespace)
    }

    @Test func selectorsSelectThePodLabels() throws {
        let fixture = try ServingFixture()
        let deployment = try fixture.object("Deployment")
        let podLabels = deployment.spec?.at("template.metadata.labels")?.stringPairs ?? [:]
        let selectors = [
            deployment.spec?.at("selector.matchLabels"), try fixture.object("Service").spec?.at("selector"),
            try fixture.object("InferencePool").spec?.at("selector.matchLabels"),
            try fixture.object("PodDisruptionBudget").spec?.at("selector.matchLabels"),
            try fixture.object("PodMonitor").spec?.at("selector.matchLabels"),
        ]
        for selector in selectors {
            let pairs = selector?.stringPairs ?? [:]
            #expect(pairs == ["app.kubernetes.io/name": "vllm", "app.kubernetes.io/instance": "tiny"])
            #expect(pairs.allSatisfy { podLabels[$0.key] == $0.value })
        }
    }

    @Test func adapterNamesAreLoRAModulesAndRouteHeaders() throws {
        let fixture = try ServingFixture()
        try fixture.model(Self.lora)
        let deployment = try fixture.object("Deployment")
        let args = deployment.args
        let modules = try #require(args.firstIndex(of: "--lora-modules"))
        #expect(Array(args[(modules + 1)...]) == ["sql-lora=/mnt/adapters/sql-lora", "tone-lora=/mnt/adapters/tone-lora"])
        #expect(args.filter { $0 == "--lora-modules" }.count == 1)
        let headers = try fixture.object("HTTPRoute").spec?.at("rules.0.matches")?.listValue?.compactMap {
            $0.at("headers.0.value")?.stringValue
        }
        #expect(headers == ["Qwen/Qwen2.5-0.5B-Instruct", "sql-lora", "tone-lora"])
    }
}
