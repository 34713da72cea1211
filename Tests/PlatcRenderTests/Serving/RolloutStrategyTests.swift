import Testing

@testable import PlatcRender

/// The minimal platform's a10 class has 2 GPUs (2 nodes × 1).
@Suite struct RolloutStrategyTests {
    @Test func rollingWhenASurgeReplicaFits() throws {
        let fixture = try ServingFixture()
        try fixture.serving("replicas: {min: 1, max: 1}")
        let strategy = try fixture.object("Deployment").spec?.at("strategy")
        #expect(strategy?.at("type")?.stringValue == "RollingUpdate")
        #expect(strategy?.at("rollingUpdate.maxSurge")?.intValue == 1)
        #expect(strategy?.at("rollingUpdate.maxUnavailable")?.intValue == 0)
    }

    @Test func recreateWhenTheWarmFloorsFillTheClass() throws {
        let fixture = try ServingFixture()
        try fixture.serving("replicas: {min: 2, max: 2}")
        let strategy = try fixture.object("Deployment").spec?.at("strategy")
        #expect(strategy == ["type": "Recreate"])
    }

    @Test func otherModelsFloorsOnTheClassCount() throws {
        let fixture = try ServingFixture()
        let tiny = try #require(fixture.platform.files["models/tiny.yaml"])
        fixture.platform.files["models/other.yaml"] =
            tiny.replacingOccurrences(of: "name: tiny", with: "name: other").replacingOccurrences(
                of: "aliases: [tiny]", with: "aliases: [other]"
            )
            .replacingOccurrences(of: "servedName: Qwen/Qwen2.5-0.5B-Instruct", with: "servedName: other/model")
        let context = try fixture.context()
        #expect(context.facts.pool(named: "a10")?.surgeFits(context.spec.models[0]) == false)
        #expect(try fixture.object("Deployment", "tiny").spec?.at("strategy.type")?.stringValue == "Recreate")
        #expect(try fixture.object("Deployment", "other").spec?.at("strategy.type")?.stringValue == "Recreate")
    }

    @Test func timeSlicingAddsCapacity() throws {
        let fixture = try ServingFixture()
        try fixture.serving("replicas: {min: 2, max: 2}")
        try fixture.edit("platform/a10.yaml") { $0 + "timeSlicing:\n  replicas: 2\n" }
        #expect(try fixture.object("Deployment").spec?.at("strategy.type")?.stringValue == "RollingUpdate")
    }
}
