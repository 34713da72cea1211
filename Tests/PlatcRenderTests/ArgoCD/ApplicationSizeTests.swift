import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

@testable import PlatcFacts
@testable import PlatcRender

/// `limit/argocd-application-size`: too few shards for the platform refuses the render, and
/// the hint's shard count, written, renders.
@Suite struct ApplicationSizeTests {
    /// The minimal platform with 200 more tenants (9 objects each) and the given shard line.
    static func platform(shards: String) -> RenderTestPlatform {
        var platform = try! RenderTestPlatform()
        for index in 1...200 { platform.addTenant("crowd-\(index)") }
        platform.edit("platform/mini.yaml", "argocd:\n", "argocd:\n" + shards)
        return platform
    }

    static func render(_ platform: RenderTestPlatform) throws -> Result<[Artifact], RenderPipeline.Failure> {
        let facts = try platform.context().facts
        return Result { () throws(RenderPipeline.Failure) in try RenderPipeline.render(facts) }
    }

    @Test func tooFewShardsRefuseTheRenderAndTheHintPasses() throws {
        guard case .failure(.refused(let found)) = try Self.render(Self.platform(shards: "  shards: {tenants: 1}\n")) else {
            Issue.record("one shard for 201 tenants rendered")
            return
        }
        try #require(found.count == 1, "\(found.map(\.message))")
        let diagnostic = found[0]
        #expect(diagnostic.ruleID == "limit/argocd-application-size" && diagnostic.severity == .error)
        #expect(diagnostic.message.hasPrefix("Application 'mini-tenants-000' would sync 1,809 objects"), "\(diagnostic.message)")
        #expect(diagnostic.message.hasSuffix("per Application (1 tenant shard)"), "\(diagnostic.message)")
        #expect(diagnostic.span?.start.line == 20, "the caret is on `tenants: 1`")
        let hint = try #require(diagnostic.hint)
        let pattern = #/^tenants: (\d+) /#
        let proposed = try #require(hint.firstMatch(of: pattern).flatMap { Int($0.1) }, "\(hint)")
        #expect(proposed == 2)
        guard case .success = try Self.render(Self.platform(shards: "  shards: {tenants: \(proposed)}\n")) else {
            Issue.record("the hint's \(proposed) shards do not render")
            return
        }
    }

    @Test func withoutShardsTheDefaultRuleRendersAndTheFindingNamesTheDefault() throws {
        guard case .success(let artifacts) = try Self.render(Self.platform(shards: "")) else {
            Issue.record("the default rule's 4 shards do not render 201 tenants")
            return
        }
        let children = artifacts.filter { $0.path.hasPrefix("applications/application.mini-tenants-") }
        #expect(children.count == 4)
    }

    @Test func anAbsentShardCountIsNamedWithItsDefault() throws {
        // A serving count written, the tenants' left to the rule: the caret stands in for it.
        var platform = Self.platform(shards: "  shards: {serving: 1}\n")
        platform.edit("platform/mini.yaml", "  shards: {serving: 1}\n", "  shards:\n    serving: 1\n")
        let facts = try platform.context().facts
        var crowd = ApplicationSize.Size()
        for index in 0..<1_501 { crowd.add(KubeObject("v1", "ConfigMap", name: "c\(index)", namespace: "team", sources: [])) }
        let units = [PlacedUnit(owner: .tenant("team"), part: .tenants(0), size: crowd)]
        let found = ApplicationSize.diagnostics(RenderContext(facts: facts), sizes: [.tenants(0): crowd], units: units)
        try #require(found.count == 1)
        #expect(found[0].notes.first?.message == "argocd.shards.tenants (absent; default 4, one per 60 tenants)", "\(found[0].notes)")
    }

    @Test func theEstimateCountsWhatArgoCDWrites() {
        // docs/research/argocd-sharding-notes.md: a Namespace in wave -1 with Prune=confirm
        // (123 + 194 + 2) and a Deployment in wave 1 with one 109-byte image (139 + 361 + 2).
        let namespace = KubeObject(
            "v1", "Namespace", name: "team-00001",
            annotations: [(Conventions.argocdSyncWaveAnnotation, "-1"), (Conventions.argocdSyncOptionsAnnotation, "Prune=confirm")],
            sources: [])
        #expect(ApplicationStatusEstimate.bytes(of: namespace) == 319)
        let image = "registry.example.com/vllm/vllm-openai@sha256:" + String(repeating: "a", count: 64)
        #expect(image.utf8.count == 109)
        let deployment = KubeObject(
            "apps/v1", "Deployment", name: "llama-3-1-8b-instruct", namespace: "llm-serving",
            annotations: [(Conventions.argocdSyncWaveAnnotation, "1")],
            body: ["spec": ["template": ["spec": ["containers": [["name": "vllm", "image": .string(image)]]]]]], sources: [])
        #expect(ApplicationStatusEstimate.bytes(of: deployment) == 502)
    }
}
