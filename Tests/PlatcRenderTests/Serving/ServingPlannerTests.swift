import Testing

@testable import PlatcFacts
@testable import PlatcRender

@Suite struct ServingPlannerTests {
    @Test func rendersTheSharedObjectsAndOneSetPerModel() throws {
        let objects = try ServingFixture().objects()
        let identities = Set(objects.map { "\($0.kind)/\($0.namespace ?? "-")/\($0.name)" })
        #expect(
            identities == [
                "Namespace/-/llm-serving", "PriorityClass/-/platc-serving", "NetworkPolicy/llm-serving/vllm",
                "Deployment/llm-serving/tiny", "Service/llm-serving/tiny", "PodDisruptionBudget/llm-serving/tiny",
                "PodMonitor/llm-serving/tiny",
            ])
    }

    @Test func aScaledObjectOnlyWhenMaxExceedsMin() throws {
        let fixed = try ServingFixture()
        try fixed.serving("replicas: {min: 1, max: 1}")
        #expect(try fixed.objects().contains { $0.kind == "ScaledObject" } == false)
        #expect(try fixed.object("Deployment").annotations.allSatisfy { $0.0 != Conventions.argocdIgnoreDifferencesAnnotation })

        let scaled = try ServingFixture()
        try scaled.serving("replicas: {min: 1, max: 2}")
        let scaledObject = try scaled.object("ScaledObject")
        #expect(scaledObject.spec?.at("minReplicaCount")?.intValue == 1)
        #expect(scaledObject.spec?.at("maxReplicaCount")?.intValue == 2)
        #expect(scaledObject.spec?.at("scaleTargetRef.name")?.stringValue == "tiny")
        #expect(scaledObject.spec?.at("scaleTargetRef.kind")?.stringValue == "Deployment")
        let query = scaledObject.spec?.at("triggers.0.metadata.query")?.stringValue ?? ""
        #expect(query.contains("vllm:num_requests_waiting") && query.contains("platc_dev_model=\"tiny\""))
        #expect(scaledObject.spec?.at("triggers.0.metadata.serverAddress")?.stringValue == Conventions.prometheusServerAddress)
        // Scale down slower than up: a replica costs a cold start to get back.
        let down = scaledObject.spec?.at("advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds")
        let up = scaledObject.spec?.at("advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.stabilizationWindowSeconds")
        #expect((down?.intValue ?? 0) > (up?.intValue ?? .max))
        // Argo CD must leave the replica count to KEDA.
        let deployment = try scaled.object("Deployment")
        #expect(deployment.annotations.contains { $0 == (Conventions.argocdIgnoreDifferencesAnnotation, "/spec/replicas") })
        #expect(deployment.spec?.at("replicas")?.intValue == 1)
    }

    @Test func aModelWhoseGPUClassDoesNotResolveIsSkipped() throws {
        let fixture = try ServingFixture()
        var context = try fixture.context()
        context = RenderContext(
            facts: Facts(
                {
                    var spec = context.spec; spec.gpuClasses = []; return spec
                }()))
        let kinds = ServingPlanner.plan(context).map(\.kind)
        #expect(kinds == ["Namespace", "PriorityClass", "NetworkPolicy"])
    }

    @Test func everyObjectNamesItsSources() throws {
        for object in try ServingFixture().objects() {
            #expect(object.sources.contains("platform/mini.yaml"), "\(object.kind)")
            if object.namespace != nil, object.kind != "NetworkPolicy" {
                #expect(object.sources.contains("models/tiny.yaml"), "\(object.kind)")
                #expect(object.sources.contains("platform/a10.yaml"), "\(object.kind)")
            }
        }
    }
}
