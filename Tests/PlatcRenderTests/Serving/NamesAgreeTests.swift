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

    /// The edge reaches LiteLLM's Service and nothing else: no route names a model's Service.
    @Test func theEdgeRouteIsTheOnlyRouteAndEndsAtLiteLLM() throws {
        let context = try RenderTestPlatform().context()
        let routes = RenderPipeline.planners.flatMap { $0.plan(context) }.filter { $0.kind == "HTTPRoute" }
        #expect(routes.map(\.name) == ["edge"])
        let backend = routes.first?.spec?.at("rules.0.backendRefs.0")
        #expect(backend?.at("kind")?.stringValue == "Service")
        #expect(backend?.at("name")?.stringValue == context.platform.litellm.service.name.value)
        #expect(routes.first?.namespace == context.platform.namespaces.litellm.value)
    }

    @Test func selectorsSelectThePodLabels() throws {
        let fixture = try ServingFixture()
        let deployment = try fixture.object("Deployment")
        let podLabels = deployment.spec?.at("template.metadata.labels")?.stringPairs ?? [:]
        let selectors = [
            deployment.spec?.at("selector.matchLabels"), try fixture.object("Service").spec?.at("selector"),
            try fixture.object("PodDisruptionBudget").spec?.at("selector.matchLabels"),
            try fixture.object("PodMonitor").spec?.at("selector.matchLabels"),
        ]
        for selector in selectors {
            let pairs = selector?.stringPairs ?? [:]
            #expect(pairs == ["app.kubernetes.io/name": "vllm", "app.kubernetes.io/instance": "tiny"])
            #expect(pairs.allSatisfy { podLabels[$0.key] == $0.value })
        }
    }

    @Test func adapterNamesAreLoRAModules() throws {
        let fixture = try ServingFixture()
        try fixture.model(Self.lora)
        let deployment = try fixture.object("Deployment")
        let args = deployment.args
        let modules = try #require(args.firstIndex(of: "--lora-modules"))
        #expect(Array(args[(modules + 1)...]) == ["sql-lora=/mnt/adapters/sql-lora", "tone-lora=/mnt/adapters/tone-lora"])
        #expect(args.filter { $0 == "--lora-modules" }.count == 1)
    }
}
