import Foundation
import PlatcSpec
import PlatcTestSupport

@testable import PlatcRender

/// The minimal platform (model `tiny` on GPU class `a10`: 2 nodes × 1 GPU, Kubernetes 1.31) that
/// a test changes, then plans with the serving family only.
final class ServingFixture {
    var platform: RenderTestPlatform

    init() throws { platform = try RenderTestPlatform() }

    func edit(_ path: String, _ change: (String) -> String) throws { platform.edit(path, change) }

    /// Adds lines (indented two spaces, as under `serving:`) to tiny's serving block.
    func serving(_ lines: String...) throws {
        try edit("models/tiny.yaml") {
            $0.replacingOccurrences(
                of: "  gpuMemoryUtilization: 0.8\n", with: "  gpuMemoryUtilization: 0.8\n" + lines.map { "  \($0)\n" }.joined())
        }
    }

    /// Appends top-level lines to tiny's model file.
    func model(_ text: String) throws { try edit("models/tiny.yaml") { $0 + text } }

    func platformFile(_ change: (String) -> String) throws { try edit("platform/mini.yaml", change) }

    func context() throws -> RenderContext { try platform.context() }

    func objects() throws -> [KubeObject] { ServingPlanner.plan(try context()) }

    func object(_ kind: String, _ name: String = "tiny") throws -> KubeObject { try objects().object(kind, name) }
}
