import PlatcSpec
import Testing

@testable import PlatcRender

/// The smaller objects: Service, PDB, pool, route, PodMonitor, namespace, PriorityClass, policy.
@Suite struct ServingObjectsTests {
    @Test func serviceExposesPort8000NamedHTTP() throws {
        let service = try ServingFixture().object("Service")
        #expect(service.spec?.at("type")?.stringValue == "ClusterIP")
        #expect(service.spec?.at("ports.0.port")?.intValue == 8000)
        #expect(service.spec?.at("ports.0.name")?.stringValue == "http")
    }

    @Test func disruptionBudgetLetsAFloorOfOneDrain() throws {
        let budget = try ServingFixture().object("PodDisruptionBudget")
        #expect(budget.spec?.at("maxUnavailable")?.intValue == 1)
        #expect(budget.spec?.at("minAvailable") == nil)
    }

    @Test(arguments: [(300_000, "5m"), (90_000, "1m30s"), (1_500, "1s500ms"), (45_000, "45s")])
    func gatewayDurations(milliseconds: Int64, text: String) {
        let duration = PlatcSpec.Duration(milliseconds: milliseconds)
        #expect(EdgeRoute.gatewayDuration(duration) == text)
        #expect(text.wholeMatch(of: /([0-9]{1,5}(h|m|s|ms)){1,4}/) != nil)
    }

    @Test func podMonitorScrapesMetricsOnHTTP() throws {
        let monitor = try ServingFixture().object("PodMonitor")
        #expect(monitor.spec?.at("podMetricsEndpoints.0.port")?.stringValue == "http")
        #expect(monitor.spec?.at("podMetricsEndpoints.0.path")?.stringValue == "/metrics")
        #expect(monitor.spec?.at("podTargetLabels")?.strings.contains(Conventions.modelLabel) == true)
        #expect(ServingPodMonitor.modelSeriesLabel == "platc_dev_model")
    }

    @Test func namespaceIsRestrictedWithoutTheTenantOptIn() throws {
        let namespace = try ServingFixture().object("Namespace", "llm-serving")
        let labels = Dictionary(uniqueKeysWithValues: namespace.labels)
        #expect(labels["pod-security.kubernetes.io/enforce"] == "restricted")
        #expect(labels["pod-security.kubernetes.io/enforce-version"] == "v1.31")
        #expect(labels[Conventions.tenantWorkloadsLabel] == nil)
        #expect(namespace.namespace == nil)
    }

    @Test func priorityClassOutranksBatch() throws {
        let priority = try ServingFixture().object("PriorityClass", Conventions.servingPriorityClassName)
        #expect(priority.namespace == nil)
        #expect(priority.body["value"] == .int(Conventions.servingPriority))
        #expect(Conventions.servingPriority > 0 && Conventions.servingPriority < 1_000_000_000)
        #expect(priority.body["globalDefault"] == .bool(false))
    }

    @Test func networkPolicyAdmitsLiteLLMsAndPrometheusPodsOnly() throws {
        let policy = try ServingFixture().object("NetworkPolicy", "vllm")
        let from = policy.spec?.at("ingress.0.from")?.listValue ?? []
        let namespaces = from.compactMap { $0.at("namespaceSelector.matchLabels")?.mapValue?["kubernetes.io/metadata.name"]?.stringValue }
        #expect(namespaces == ["litellm", "monitoring"])
        // Pods, not namespaces: the team reconciler's Job in the LiteLLM namespace is not admitted.
        #expect(
            from.map { $0.at("podSelector.matchLabels")?.stringPairs } == [
                ["app.kubernetes.io/name": "litellm"], ["app.kubernetes.io/name": "prometheus"],
            ])
        #expect(policy.spec?.at("ingress.0.ports.0.port")?.intValue == 8000)
        #expect(policy.spec?.at("policyTypes")?.strings == ["Ingress", "Egress"])
        #expect(policy.spec?.at("egress") == [])
    }
}
