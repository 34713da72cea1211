import Foundation
import PlatcChecks
import PlatcFacts
import PlatcSpec
import PlatcTestSupport
import Testing

/// routing/*: the inference-gateway mode's settings can be rendered and work (docs/checks-routing.md).
@Suite struct RoutingCheckTests {
    static let picker = "registry.example.com/llm-d/llm-d-router-endpoint-picker@sha256:" + String(repeating: "3", count: 64)

    /// The minimal platform, in inference-gateway mode unless `mode` is nil.
    static func platform(mode: String? = "inference-gateway", image: Bool = true) throws -> QuotaPlatform {
        let platform = try QuotaPlatform()
        if let mode {
            try platform.edit("platform/mini.yaml") {
                $0 + "routing:\n  mode: \(mode)\n" + (image ? "  endpointPicker:\n    image: \(picker)\n" : "")
            }
        }
        return platform
    }

    static func routing(_ platform: QuotaPlatform) throws -> [Diagnostic] {
        let loaded = Loader().load(try SourceTree.reading(platform.platform.root))
        let spec = try #require(loaded.spec, "\(loaded.diagnostics.map(\.message))")
        var context = CheckContext(facts: Facts(spec))
        CheckPipeline.run(family: "routing", &context)
        return context.diagnostics.sorted
    }

    @Test func bothModesOfTheMinimalPlatformAreClean() throws {
        #expect(try Self.routing(Self.platform(mode: nil)).isEmpty)
        #expect(try Self.routing(Self.platform()).isEmpty)
    }

    @Test func theModeNeedsThePickersImage() throws {
        let found = try Self.routing(Self.platform(image: false))
        #expect(found.map(\.ruleID) == ["routing/endpoint-picker-image"])
        #expect(found.first?.span?.start.line == 24, "at routing.mode")
    }

    /// Every replica plan that can idle at zero, against a pool: only parked is fine.
    @Test func aPoolNeedsAPodAtIdle() throws {
        for (min, max, autoscaling, fires) in [(0, 1, "none", true), (0, 2, "keda", true), (0, 0, nil, false), (1, 2, "keda", false)] {
            let platform = try Self.platform()
            try platform.serving(min: min, max: max)
            if let autoscaling {
                try platform.edit("models/tiny.yaml") {
                    $0.replacingOccurrences(of: "  replicas:", with: "  autoscaling: \(autoscaling)\n  replicas:")
                }
            }
            let found = try Self.routing(platform).map(\.ruleID)
            #expect(found == (fires ? ["routing/empty-pool"] : []), "min \(min), max \(max), \(autoscaling ?? "-")")
            // Direct mode: no pool, no finding.
            try platform.edit("platform/mini.yaml") { $0.replacingOccurrences(of: "mode: inference-gateway", with: "mode: direct") }
            #expect(try Self.routing(platform).filter { $0.ruleID == "routing/empty-pool" }.isEmpty)
        }
    }

    /// `min: 1` leads the hint only while the class has a GPU to spare beside the warm floor and
    /// the tenants' nominal quota: else it would trade this error for `quota/nominal-over-capacity`.
    @Test func aWarmReplicaIsProposedOnlyWhereAGPUIsSpare() throws {
        let platform = try Self.platform()
        try platform.serving(min: 0, max: 1)
        let spare = try #require(try Self.routing(platform).first)
        #expect(spare.hint?.hasPrefix("min: 1 (a warm replica for the pool to pick)") == true, "\(spare.hint ?? "")")
        try platform.edit("tenants/team.yaml") { $0.replacingOccurrences(of: "a10: {nominal: 1}", with: "a10: {nominal: 2}") }
        let full = try #require(try Self.routing(platform).first)
        #expect(
            full.hint
                == Diagnostic.noSingleValue(
                    "GPU class 'a10' has no GPU to spare for a warm replica (min: 1); park it with replicas.max: 0, or route "
                        + "directly with routing.mode: direct"))
    }

    /// `<model>-epp` is a Service name: at most 63 characters, so a model name of at most 59.
    @Test func pickerNamesFitAServiceName() throws {
        for (length, fires) in [(59, false), (60, true)] {
            let platform = try Self.platform()
            let name = "tiny-" + String(repeating: "a", count: length - 5)
            let text = try String(contentsOf: platform.platform.root.appendingPathComponent("models/tiny.yaml"), encoding: .utf8)
            try FileManager.default.removeItem(at: platform.platform.root.appendingPathComponent("models/tiny.yaml"))
            try platform.platform.write("models/\(name).yaml", text.replacingOccurrences(of: "name: tiny\n", with: "name: \(name)\n"))
            try platform.edit("tenants/team.yaml") { $0.replacingOccurrences(of: "models: [tiny]", with: "models: [\(name)]") }
            let found = try Self.routing(platform)
            #expect(found.map(\.ruleID) == (fires ? ["routing/endpoint-picker-name"] : []), "\(length) characters")
            if fires { #expect(found.first?.hint == "a model name of at most 59 characters") }
        }
    }

    @Test func inferenceGatewaySettingsWarnInDirectMode() throws {
        let platform = try Self.platform(mode: "direct")
        try platform.edit("platform/mini.yaml") { $0 + "  inferenceGateway:\n    name: models\n" }
        let found = try Self.routing(platform)
        #expect(found.map(\.ruleID) == ["routing/unused-settings", "routing/unused-settings"])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.map(\.message).contains { $0.hasPrefix("routing.endpointPicker has no effect") })
        #expect(found.map(\.message).contains { $0.hasPrefix("routing.inferenceGateway has no effect") })
    }
}
