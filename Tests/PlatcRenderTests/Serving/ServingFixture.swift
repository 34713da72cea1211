import Foundation
import PlatcSpec
import PlatcTestSupport

@testable import PlatcRender

/// A copy of the minimal platform (model `tiny` on GPU class `a10`: 2 nodes × 1 GPU, Kubernetes
/// 1.31) that a test changes, then plans with the serving family only.
final class ServingFixture {
    let platform: TemporaryPlatform

    init() throws { platform = try TemporaryPlatform() }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOf: platform.root.appendingPathComponent(path), encoding: .utf8)
        try platform.write(path, change(text))
    }

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

    func context() throws -> RenderContext {
        let loaded = Loader().load(try SourceTree.reading(platform.root))
        guard let spec = loaded.spec else {
            throw DoesNotLoad(messages: loaded.diagnostics.map { "\($0.span?.description ?? "-"): \($0.message)" })
        }
        return RenderContext(spec: spec)
    }

    func objects() throws -> [KubeObject] { ServingPlanner.plan(try context()) }

    func object(_ kind: String, _ name: String = "tiny") throws -> KubeObject {
        guard let found = try objects().first(where: { $0.kind == kind && $0.name == name }) else {
            throw Missing(what: "\(kind)/\(name)")
        }
        return found
    }

    struct DoesNotLoad: Error, CustomStringConvertible {
        var messages: [String]
        var description: String { messages.joined(separator: "\n") }
    }

    struct Missing: Error, CustomStringConvertible {
        var what: String
        var description: String { "not rendered: \(what)" }
    }
}

/// Reading rendered values in tests.
extension YAMLValue {
    /// `path` through maps; an integer component indexes a list (`spec.template.spec.containers.0`).
    func at(_ path: String) -> YAMLValue? {
        var current: YAMLValue? = self
        for key in path.split(separator: ".") {
            if let index = Int(key) {
                guard let items = current?.listValue, index < items.count else { return nil }
                current = items[index]
            } else {
                current = current?.mapValue?[String(key)]
            }
        }
        return current
    }

    var strings: [String] { listValue?.compactMap(\.stringValue) ?? [] }

    var intValue: Int64? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// A map of strings as pairs, in written order.
    var stringPairs: [String: String] {
        var pairs: [String: String] = [:]
        for entry in mapValue?.entries ?? [] { pairs[entry.key] = entry.value.stringValue }
        return pairs
    }
}

extension KubeObject {
    var spec: YAMLValue? { body["spec"] }
    var podSpec: YAMLValue? { spec?.at("template.spec") }
    var vllm: YAMLValue? { podSpec?.at("containers")?.listValue?.first { $0.at("name")?.stringValue == "vllm" } }
    var args: [String] { vllm?.at("args")?.strings ?? [] }

    /// The value after `flag` in vLLM's args, if the flag is there.
    func argument(_ flag: String) -> String? {
        guard let at = args.firstIndex(of: flag), at + 1 < args.count else { return nil }
        return args[at + 1]
    }
}
