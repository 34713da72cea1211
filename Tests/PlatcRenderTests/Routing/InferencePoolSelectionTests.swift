import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

@testable import PlatcFacts
@testable import PlatcRender

/// On every rendered platform in inference-gateway mode, read back from the objects themselves:
/// each InferencePool selects the pod template of exactly one Deployment, its own model's vLLM
/// Deployment, which keeps at least one replica (no pool of an idle model, none of a parked one);
/// its `endpointPickerRef` names a Service on the ext-proc port that selects exactly that model's
/// picker; each model's HTTPRoute hangs on the rendered inference Gateway, matches the model's
/// path prefix (LiteLLM's `api_base`), and sends to its pool. So no two pools select the same
/// pods, and no pool selects a picker or nothing at all (docs/checks-routing.md).
@Suite struct InferencePoolSelectionTests {
    static let platforms = RenderDeterminismTests.platforms.filter { root in
        (try? Loader().load(SourceTree.reading(root)).spec.map { $0.platform.routing.mode.value == .inferenceGateway }) == true
    }

    @Test func bothModesAreRendered() {
        // The default and the inference-gateway fixture; the other fixtures route directly.
        #expect(Self.platforms.count == 2)
        #expect(RenderDeterminismTests.platforms.count > Self.platforms.count)
    }

    @Test(arguments: platforms)
    func eachPoolSelectsExactlyItsModelsPods(_ root: URL) throws {
        let spec = try #require(Loader().load(try SourceTree.reading(root)).spec)
        let facts = Facts(spec)
        let objects = RenderPipeline.planners.flatMap { $0.plan(RenderContext(facts: facts)) }
        func all(_ kind: String) -> [KubeObject] { objects.filter { $0.kind == kind } }
        func value(_ object: KubeObject, _ path: String) -> YAMLValue? { YAMLValue.map(object.body)[path: path] }
        func labels(_ value: YAMLValue?) -> [String: String] {
            Dictionary(uniqueKeysWithValues: (value?.mapValue?.entries ?? []).compactMap { e in e.value.stringValue.map { (e.key, $0) } })
        }
        func selects(_ selector: [String: String], _ podLabels: [String: String]) -> Bool {
            !selector.isEmpty && selector.allSatisfy { podLabels[$0.key] == $0.value }
        }
        let templates = all("Deployment").map { ($0, labels(value($0, "spec.template.metadata.labels"))) }
        let pools = all("InferencePool")
        let pooled = facts.pooledModels.map(\.model.name.value)
        #expect(pools.map(\.name).sorted() == pooled.sorted())
        #expect(!pools.isEmpty)
        let gateway = try #require(all("Gateway").first)
        for pool in pools {
            let selector = labels(value(pool, "spec.selector.matchLabels"))
            let picked = templates.filter { selects(selector, $0.1) }.map(\.0)
            #expect(picked.map(\.name) == [pool.name], "pool \(pool.name) selects \(picked.map(\.name))")
            if let deployment = picked.first {
                #expect((value(deployment, "spec.replicas").flatMap { if case .int(let n) = $0 { n } else { nil } } ?? 0) >= 1)
            }
            // The picker: a Service on the ext-proc port selecting exactly the model's picker pods.
            let ref = try #require(value(pool, "spec.endpointPickerRef"))
            let serviceName = try #require(ref[path: "name"]?.stringValue)
            #expect(ref[path: "port.number"] == .int(InferenceRouting.extProcPort))
            let service = try #require(all("Service").first { $0.name == serviceName && $0.namespace == pool.namespace })
            let pickerPods = templates.filter { selects(labels(value(service, "spec.selector")), $0.1) }.map(\.0.name)
            #expect(pickerPods == [InferenceRouting.pickerName(of: pool.name)])
            // The route: on the inference Gateway, the model's path prefix, to this pool.
            let route = try #require(all("HTTPRoute").first { $0.name == pool.name && $0.namespace == pool.namespace })
            #expect(value(route, "spec.parentRefs")?.listValue?.first?[path: "name"]?.stringValue == gateway.name)
            let match = value(route, "spec.rules")?.listValue?.first?[path: "matches"]?.listValue?.first
            #expect(match?[path: "path"]?[path: "value"]?.stringValue == "/" + pool.name)
            #expect(match?[path: "headers"] == nil)
            let backend = value(route, "spec.rules")?.listValue?.first?[path: "backendRefs"]?.listValue?.first
            #expect(backend?[path: "kind"]?.stringValue == "InferencePool")
            #expect(backend?[path: "name"]?.stringValue == pool.name)
        }
    }
}
