import PlatcChecks
import Testing

@testable import PlatcFacts
@testable import PlatcRender

/// Parked, by hand, KEDA with its settings, and the rollout modes, on the minimal platform
/// (a10: 2 nodes × 1 GPU; team holds 1 GPU of nominal quota).
@Suite struct ReplicaModesTests {
    static func ignoresReplicas(_ deployment: KubeObject) -> Bool {
        deployment.annotations.contains { $0 == (Conventions.argocdIgnoreDifferencesAnnotation, "/spec/replicas") }
    }

    @Test func aParkedModelStaysAtZeroWithNoAutoscaler() throws {
        let fixture = try ServingFixture()
        try fixture.serving("replicas: {min: 0, max: 0}")
        #expect(try fixture.objects().contains { $0.kind == "ScaledObject" } == false)
        let deployment = try fixture.object("Deployment")
        #expect(deployment.spec?.at("replicas")?.intValue == 0)
        #expect(!Self.ignoresReplicas(deployment), "Argo CD keeps a parked model at zero")
        #expect(try fixture.context().spec.models[0].replicaPlan.mode == .parked)
    }

    @Test func byHandMeansAFloorArgoCDDoesNotReset() throws {
        let fixture = try ServingFixture()
        try fixture.serving("replicas: {min: 0, max: 2}", "autoscaling: none")
        #expect(try fixture.objects().contains { $0.kind == "ScaledObject" } == false)
        let deployment = try fixture.object("Deployment")
        #expect(deployment.spec?.at("replicas")?.intValue == 0)
        #expect(Self.ignoresReplicas(deployment), "kubectl scale must survive a sync")
    }

    @Test func kedaSettingsReachTheScaledObject() throws {
        let fixture = try ServingFixture()
        try fixture.serving(
            "replicas: {min: 0, max: 2}", "keda:", "  cooldown: 5m", "  waitingPerReplica: 3", "  kvCacheUsage: 0.75",
            "  fallbackReplicas: 1")
        let spec = try #require(try fixture.object("ScaledObject").spec)
        #expect(spec.at("cooldownPeriod")?.intValue == 300, "KEDA's cooldown governs the step to zero")
        #expect(spec.at("advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds")?.intValue == 300)
        #expect(spec.at("fallback.replicas")?.intValue == 1 && spec.at("fallback.failureThreshold")?.intValue == 3)
        #expect(spec.at("fallback.behavior")?.stringValue == "currentReplicasIfHigher")
        #expect(spec.at("triggers.0.metadata.threshold")?.stringValue == "3")
        let kv = try #require(spec.at("triggers.1"))
        #expect(kv.at("metricType")?.stringValue == "AverageValue", "KEDA's fallback needs AverageValue triggers")
        #expect(kv.at("metadata.threshold")?.stringValue == "0.75")
        #expect(kv.at("metadata.query")?.stringValue?.hasPrefix("sum(vllm:kv_cache_usage_perc{") == true)
    }

    @Test func kedaDefaultsKeepOneTriggerAndNoFallback() throws {
        let fixture = try ServingFixture()
        try fixture.serving("replicas: {min: 1, max: 2}")
        let spec = try #require(try fixture.object("ScaledObject").spec)
        #expect(spec.at("triggers")?.listValue?.count == 1)
        #expect(spec.at("fallback") == nil && spec.at("cooldownPeriod") == nil, "cooldownPeriod only acts at min 0")
        #expect(spec.at("advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds")?.intValue == 900)
    }

    /// The case: a 1-GPU class, min 0: a surge fits the floor but not the model at max.
    @Test func autoRolloutCountsTheModelAtMax() throws {
        let fixture = try ServingFixture()
        try fixture.edit("platform/a10.yaml") { $0.replacingOccurrences(of: "nodes: 2", with: "nodes: 1") }
        try fixture.serving("replicas: {min: 0, max: 1}")
        #expect(try fixture.object("Deployment").spec?.at("strategy.type")?.stringValue == "Recreate")
    }

    @Test func aWrittenRolloutWins() throws {
        let recreate = try ServingFixture()
        try recreate.serving("rollout: Recreate")
        #expect(try recreate.object("Deployment").spec?.at("strategy") == ["type": "Recreate"])
        let rolling = try ServingFixture()
        try rolling.serving("replicas: {min: 2, max: 2}", "rollout: RollingUpdate")
        #expect(try rolling.object("Deployment").spec?.at("strategy.type")?.stringValue == "RollingUpdate")
    }

    @Test func resourcesOverrideTheDerivedSize() throws {
        let fixture = try ServingFixture()
        try fixture.serving("resources: {cpu: 3500m, memory: 12Gi}")
        let resources = try fixture.object("Deployment").vllm?.at("resources")
        #expect(resources?.at("requests.cpu")?.stringValue == "3500m")
        #expect(resources?.at("limits.memory")?.stringValue == "12Gi")
        #expect(resources?.at("limits")?.value(at: "nvidia.com/gpu")?.stringValue == "1")
    }
}
