import Foundation
import PlatcTestSupport
import Testing

/// The whole out/ of five platforms, byte for byte, rendered by the built binary: the embedded
/// default (its committed out/, inference-gateway mode), the minimal fixture, one with
/// time-slicing, KEDA and image volumes, the seed's single-L4 lab (a sized node, a model idle by
/// hand, a parked model), and the request-path fixture in inference-gateway mode with every
/// inference Gateway setting written (a LoRA adapter, a parked model without a pool). The three
/// in between route directly. PLATC_RECORD=1 re-records them (for the default: re-renders out/).
@Suite struct RenderGoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var root: URL
        var golden: URL
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "default", root: Paths.packageRoot, golden: Paths.packageRoot.appendingPathComponent("out")),
        Case(name: "minimal", root: Paths.minimalPlatform, golden: Paths.fixtures.appendingPathComponent("render/minimal.out")),
        Case(
            name: "timeslicing-keda", root: Paths.fixtures.appendingPathComponent("timeslicing-keda"),
            golden: Paths.fixtures.appendingPathComponent("render/timeslicing-keda.out")),
        Case(
            name: "single-l4", root: Paths.fixtures.appendingPathComponent("single-l4"),
            golden: Paths.fixtures.appendingPathComponent("render/single-l4.out")),
        Case(
            name: "inference-gateway", root: Paths.fixtures.appendingPathComponent("inference-gateway"),
            golden: Paths.fixtures.appendingPathComponent("render/inference-gateway.out")),
        Case(
            name: "zero-idle-lab", root: Paths.fixtures.appendingPathComponent("zero-idle-lab"),
            golden: Paths.fixtures.appendingPathComponent("render/zero-idle-lab.out")),
    ]

    @Test(arguments: cases)
    func outMatchesTheGolden(_ golden: Case) throws {
        let scratch = try ScratchFolder()
        let out = scratch.url.appendingPathComponent("out")
        let result = try platc(["render", "--root", golden.root.path, "--out", out.path])
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "", "a clean platform prints nothing on stdout")
        if let difference = try TreeCompare.compare(out, with: golden.golden) { Issue.record("\(golden.name): \(difference)") }
    }
}
