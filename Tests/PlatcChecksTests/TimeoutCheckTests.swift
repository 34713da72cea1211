import Foundation
import PlatcChecks
import PlatcFacts
import PlatcSpec
import PlatcTestSupport
import Testing

/// The `timeout/*` family on in-memory platforms: each inequality at its boundary, positions and
/// notes, LiteLLM's backoff arithmetic, and every hint's values applied and checked again.
@Suite struct TimeoutCheckTests {
    // MARK: - The embedded platforms

    @Test(arguments: [Paths.packageRoot, Paths.minimalPlatform])
    func embeddedPlatformsNest(_ root: URL) throws {
        let spec = try #require(Loader().load(try SourceTree.reading(root)).spec)
        var context = CheckContext(facts: Facts(spec))
        CheckPipeline.run(family: "timeout", &context)
        #expect(context.diagnostics.diagnostics.isEmpty, "\(context.diagnostics.diagnostics.map(\.message))")
    }

    // MARK: - Each rule at its boundary

    @Test func clientMustBeLongerThanGateway() throws {
        #expect(try Self.rules(["client": "120s"]) == ["timeout/client-gateway"])
        #expect(try Self.rules(["client": "120s1ms"]) == [])
    }

    /// Minimal: 2 attempts × 50s + LiteLLM's pauses (1250ms + 1750ms) = 103s.
    @Test func gatewayMustCoverAttemptsAndBackoff() throws {
        #expect(try Self.rules(["gateway": "103s"]) == ["timeout/gateway-router"])
        #expect(try Self.rules(["gateway": "103s1ms"]) == [])
        #expect(try Self.rules(["gateway": "0s"]) == ["timeout/gateway-router"])
    }

    @Test func routerTimeoutMustBeLongerThanEngine() throws {
        #expect(try Self.rules(["router.timeout": "45s"]) == ["timeout/router-engine"])
        #expect(try Self.rules(["router.timeout": "45s1ms"]) == [])
        #expect(try Self.rules(["engine": "0s"]) == ["timeout/router-engine"])
    }

    @Test func streamTimeoutMustBePositiveAndWithinRouterTimeout() throws {
        #expect(try Self.rules(["router.streamTimeout": "50s"]) == [])
        #expect(try Self.rules(["router.streamTimeout": "1ms"]) == [])
        #expect(try Self.rules(["router.streamTimeout": "50s1ms"]) == ["timeout/stream-timeout"])
        #expect(try Self.rules(["router.streamTimeout": "0s"]) == ["timeout/stream-timeout"])
    }

    /// Three retries would also break the minimal gateway; a gateway that covers them isolates the warning.
    @Test func attemptsAcrossLayersAreBounded() throws {
        let roomy = ["gateway": "10m", "client": "11m"]
        #expect(try Self.rules(roomy.merging(["router.retries": "2"]) { $1 }) == [])
        let diagnostics = try Self.check(roomy.merging(["router.retries": "3"]) { $1 })
        #expect(diagnostics.map(\.ruleID) == ["timeout/retry-amplification"])
        #expect(diagnostics.first?.severity == .warning)
    }

    // MARK: - Where and what

    @Test func findingsSitOnTheFieldToEditAndNoteTheOtherSide() throws {
        let platform = "platform/mini.yaml"
        let diagnostics = try Self.check(["client": "100s", "router.timeout": "40s", "router.streamTimeout": "41s", "router.retries": "3"])
        func finding(_ id: String) throws -> Diagnostic { try #require(diagnostics.first { $0.ruleID == id }) }

        let client = try finding("timeout/client-gateway")
        #expect(client.span?.file == platform && client.span?.start.line == 9 && client.span?.start.column == 11)
        #expect(client.message.contains("1 m 40 s") && client.message.contains("2 m"))
        #expect(client.notes.map { $0.span?.start.line } == [10])

        let gateway = try finding("timeout/gateway-router")
        #expect(gateway.span?.start.line == 10)
        #expect(gateway.message.contains("4 × 40 s + 10.5 s backoff"), "\(gateway.message)")
        #expect(gateway.notes.map { $0.span?.start.line } == [12, 14])

        let router = try finding("timeout/router-engine")
        #expect(router.span?.start.line == 12 && router.message.contains("40 s") && router.message.contains("45 s"))
        #expect(router.notes.map { $0.span?.start.line } == [16])

        let stream = try finding("timeout/stream-timeout")
        #expect(stream.span?.start.line == 13 && stream.message.contains("41 s") && stream.message.contains("40 s"))
        #expect(stream.notes.map { $0.span?.start.line } == [12])

        let amplification = try finding("timeout/retry-amplification")
        #expect(amplification.span?.start.line == 14 && amplification.message.contains("4 times"))
    }

    @Test func zeroEngineIsReportedAtTheEngine() throws {
        let diagnostic = try #require(try Self.check(["engine": "0s"]).first)
        #expect(diagnostic.span?.start.line == 15 && diagnostic.message.contains("0s"))
    }

    @Test func hintsProposeWholeSecondsAtTheBoundary() throws {
        let client = try #require(try Self.check(["client": "120s"]).first)
        #expect(client.hint == "nests with client: 2m1s; or with gateway: 1m59s")
        // Lowering the gateway to 102s leaves the router (103s) no room: the router timeout follows.
        let gateway = try #require(try Self.check(["gateway": "103s", "client": "103s"]).first { $0.ruleID == "timeout/gateway-router" })
        #expect(gateway.hint == "nests with client: 1m45s, gateway: 1m44s; or with gateway: 1m42s, router.timeout: 49s")
    }

    // MARK: - LiteLLM's backoff

    /// The inference gateway's rung: written, it must nest between the router and the engine;
    /// absent, it is halfway, on a whole second where one lies strictly between; in direct mode
    /// it does not exist.
    @Test func inferenceGatewayRungNests() throws {
        let mode = ["mode": "inference-gateway"]
        #expect(try Self.rules(mode).isEmpty)
        #expect(try Self.rules(mode.merging(["inferenceGateway": "50s"]) { $1 }) == ["timeout/router-inference-gateway"])
        #expect(try Self.rules(mode.merging(["inferenceGateway": "45s"]) { $1 }) == ["timeout/inference-gateway-engine"])
        #expect(try Self.rules(mode.merging(["inferenceGateway": "49s999ms"]) { $1 }).isEmpty)
        // Written in direct mode it is not a rung (routing/unused-settings warns of it).
        #expect(try Self.rules(["inferenceGateway": "50s"]).isEmpty)
        // Derived, the rung fits unless the router is 1 ms above the engine.
        let noRoom = try Self.check(mode.merging(["router.timeout": "45s1ms"]) { $1 })
        #expect(noRoom.map(\.ruleID) == ["timeout/router-inference-gateway"])
        #expect(noRoom.first?.hint == "nests with router.timeout: 46s")
        #expect(try Self.rules(mode.merging(["router.timeout": "46s"]) { $1 }).isEmpty)
        // Router not above the engine: one finding, the router's, not a second one for a derived rung.
        #expect(try Self.rules(mode.merging(["router.timeout": "45s"]) { $1 }) == ["timeout/router-engine"])
        let timeouts = try Self.spec([:]).platform.timeouts
        func ladder(_ router: Int64, _ engine: Int64, inference: Bool = true) -> TimeoutLadder {
            var ladder = TimeoutLadder(timeouts, throughInferenceGateway: inference)
            ladder.routerTimeout = router
            ladder.engine = engine
            return ladder
        }
        #expect(ladder(120_000, 110_000).inferenceGateway == 115_000)
        #expect(ladder(50_000, 45_000).inferenceGateway == 47_000)
        #expect(ladder(3_000, 2_000).inferenceGateway == 2_500)
        #expect(ladder(2_001, 2_000).inferenceGateway == 2_000)
        #expect(ladder(120_000, 110_000, inference: false).inferenceGateway == nil)
    }

    @Test func backoffFollowsLiteLLM() throws {
        // 0 retries: no pause. 1 retry: pauses of 500ms and 1s, + 750ms jitter each.
        #expect(try Self.worstCase(retries: "0", backoff: "0s") == 50_000)
        #expect(try Self.worstCase(retries: "1", backoff: "0s") == 100_000 + 1_250 + 1_750)
        #expect(try Self.worstCase(retries: "1", backoff: "1s") == 100_000 + 1_750 + 1_750)
        #expect(try Self.worstCase(retries: "2", backoff: "0s") == 150_000 + 1_250 + 1_750 + 2_750)
        // Doubling stops at 8s: 500ms, 1s, 2s, 4s, then 8s seven times; + 11 × 750ms.
        #expect(try Self.worstCase(retries: "10", backoff: "0s") == 550_000 + 7_500 + 56_000 + 8_250)
        // A declared pause above LiteLLM's 8s cap is budgeted as declared.
        #expect(try Self.worstCase(retries: "1", backoff: "20s") == 100_000 + 2 * 20_750)
    }

    // MARK: - Hints nest

    @Test func everyHintNestsWhenApplied() throws {
        var random = SeededRandom(seed: 11)
        var hintsChecked = 0
        for round in 0..<300 {
            var values = [
                "client": "\(Int.random(in: 0...400, using: &random))s",
                "gateway": "\(Int.random(in: 0...400, using: &random))s",
                "router.timeout": "\(Int.random(in: 0...150_000, using: &random))ms",
                "router.retries": "\(Int.random(in: 0...10, using: &random))",
                "router.retryBackoff": "\(Int.random(in: 0...12_000, using: &random))ms",
                "engine": "\(Int.random(in: 0...150, using: &random))s",
            ]
            if Bool.random(using: &random) { values["router.streamTimeout"] = "\(Int.random(in: 0...150, using: &random))s" }
            // Half the rounds route through the inference Gateway, most of them with its rung written.
            if Bool.random(using: &random) {
                values["mode"] = "inference-gateway"
                if Int.random(in: 0..<4, using: &random) > 0 {
                    values["inferenceGateway"] = "\(Int.random(in: 0...150_000, using: &random))ms"
                }
            }
            let before = try Self.check(values)
            for diagnostic in before {
                let hint = try #require(diagnostic.hint, "round \(round): \(diagnostic.ruleID) has no hint")
                for option in Self.options(of: hint) {
                    let after = try Self.check(values.merging(option) { $1 }.filter { $0.value != "" })
                    // A nesting hint fixes the whole ladder; fewer retries fix their warning and break nothing.
                    let broken = after.filter {
                        $0.ruleID == diagnostic.ruleID || (diagnostic.severity == .error && $0.severity == .error)
                            || !before.map(\.ruleID).contains($0.ruleID)
                    }
                    #expect(broken.isEmpty, "round \(round): \(values) + \(option) still has \(broken.map(\.message))")
                    hintsChecked += 1
                }
            }
            // Both hints at once: every option of the nesting hint with the retries the warning proposes.
            let nesting = before.first { $0.severity == .error }?.hint.map(Self.options(of:)) ?? [[:]]
            let retries = before.first { $0.ruleID == "timeout/retry-amplification" }?.hint.map(Self.options(of:)) ?? [[:]]
            for option in nesting {
                let all = values.merging(option) { $1 }.merging(retries[0]) { $1 }.filter { $0.value != "" }
                #expect(try Self.check(all).isEmpty, "round \(round): \(values) with every hint applied")
            }
        }
        #expect(hintsChecked > 300)
    }

    /// A hint's alternatives as field overrides; "" removes the field.
    static func options(of hint: String) -> [[String: String]] {
        if hint.hasPrefix("router.retries: ") {
            return [["router.retries": String(hint.dropFirst("router.retries: ".count).prefix { $0.isNumber })]]
        }
        return hint.dropFirst("nests with ".count).components(separatedBy: "; or with ").map { option in
            var overrides: [String: String] = [:]
            for change in option.components(separatedBy: ", ") {
                if change.hasPrefix("no ") {
                    overrides[String(change.dropFirst("no ".count))] = ""
                } else {
                    let parts = change.components(separatedBy: ": ")
                    overrides[parts[0]] = parts[1]
                }
            }
            return overrides
        }
    }

    // MARK: - Platforms in memory

    static let minimal = [
        "client": "300s", "gateway": "120s", "router.timeout": "50s", "router.retries": "1", "router.retryBackoff": "0s", "engine": "45s",
    ]

    /// The minimal fixture's Platform with some timeouts replaced; line numbers match platform/mini.yaml's.
    static func platformYAML(_ overrides: [String: String]) -> String {
        let v = minimal.merging(overrides) { $1 }
        let stream = v["router.streamTimeout"].map { "    streamTimeout: \($0)\n" } ?? ""
        let rung = v["inferenceGateway"].map { "  inferenceGateway: \($0)\n" } ?? ""
        let routing =
            v["mode"].map {
                "routing:\n  mode: \($0)\n  endpointPicker:\n    image: registry.example.com/epp@sha256:"
                    + String(repeating: "3", count: 64) + "\n"
            } ?? ""
        return """
            apiVersion: platc.dev/v1alpha1
            kind: Platform
            name: mini
            kubernetesVersion: "1.31"
            gateway:
              className: envoy
              hostname: llm.mini.example.com
            timeouts:
              client: \(v["client"]!)
              gateway: \(v["gateway"]!)
              router:
                timeout: \(v["router.timeout"]!)

            """ + stream + """
                    retries: \(v["router.retries"]!)
                    retryBackoff: \(v["router.retryBackoff"]!)

                """ + rung + """
                      engine: \(v["engine"]!)
                    budget:
                      usd: 100
                    policy:
                      allowedRegistries: [registry.example.com]
                    argocd:
                      repoURL: https://git.example.com/mini.git

                    """ + routing
    }

    static func spec(_ overrides: [String: String]) throws -> Spec {
        let text = platformYAML(overrides)
        let result = Loader().load(SourceTree(files: [SourceTree.File(path: "platform/mini.yaml", bytes: Array(text.utf8))]))
        return try #require(result.spec, "\(result.diagnostics.map(\.message))\n\(text)")
    }

    static func check(_ overrides: [String: String]) throws -> [Diagnostic] {
        let spec = try spec(overrides)
        var context = CheckContext(facts: Facts(spec))
        CheckPipeline.run(family: "timeout", &context)
        return context.diagnostics.sorted
    }

    static func rules(_ overrides: [String: String]) throws -> [String] { try check(overrides).map(\.ruleID) }

    /// The router's worst case, read back from the gateway-router finding a 0s gateway always has.
    static func worstCase(retries: String, backoff: String) throws -> Int64? {
        let overrides = ["router.retries": retries, "router.retryBackoff": backoff, "gateway": "0s", "client": "1s"]
        let message = try #require(try check(overrides).first { $0.ruleID == "timeout/gateway-router" }?.message)
        let text = platformYAML(overrides)
        let spec = try #require(
            Loader().load(SourceTree(files: [SourceTree.File(path: "platform/mini.yaml", bytes: Array(text.utf8))])).spec)
        let worstCase = Facts(spec).ladder.routerWorstCase
        // The finding prints the same worst case the ladder derives.
        #expect(message.contains("worst case \(PlatcSpec.Duration(milliseconds: worstCase).spoken)"), "\(message)")
        return worstCase
    }
}
