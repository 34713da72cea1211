import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

@testable import PlatcFacts
@testable import PlatcRender

/// The minimal platform (tenant `team`, GPU class `a10` with 2 nodes × 1 GPU, model `tiny`,
/// platform `mini` on Kubernetes 1.31) or the embedded default, edited in memory and loaded into
/// a RenderContext, for the planner tests.
struct RenderTestPlatform {
    var files: [String: String] = [:]

    init(root: URL = Paths.minimalPlatform) throws {
        for file in try SourceTree.reading(root).files { files[file.path] = String(decoding: file.bytes, as: UTF8.self) }
    }

    static func embeddedDefault() throws -> RenderTestPlatform { try RenderTestPlatform(root: Paths.packageRoot) }

    mutating func edit(_ path: String, _ old: String, _ new: String) {
        let text = files[path] ?? ""
        #expect(text.contains(old), "\(path) has no '\(old)'")
        files[path] = text.replacing(old, with: new)
    }

    mutating func edit(_ path: String, _ change: (String) -> String) { files[path] = change(files[path] ?? "") }

    /// Another tenant like `team`, with its own name and the given extra lines.
    mutating func addTenant(_ name: String, extra: String = "") {
        files["tenants/\(name).yaml"] =
            files["tenants/team.yaml"]!.replacing("name: team", with: "name: \(name)").replacing("models: [tiny]\n", with: "")
            .replacing("gpuQuota:\n  a10: {nominal: 1}\n", with: "") + extra
    }

    /// A GPU class beside `a10`.
    mutating func addGPUClass(_ name: String, memory: String, extra: String = "") {
        files["platform/\(name).yaml"] = """
            apiVersion: platc.dev/v1alpha1
            kind: GPUClass
            name: \(name)
            product: NVIDIA-\(name)
            memory: \(memory)
            gpusPerNode: 4
            nodes: 1

            """ + extra
    }

    func context() throws -> RenderContext {
        let tree = SourceTree(files: files.map { SourceTree.File(path: $0.key, bytes: Array($0.value.utf8)) })
        let loaded = Loader().load(tree)
        return RenderContext(facts: Facts(try #require(loaded.spec, "\(loaded.diagnostics)")))
    }
}

extension [KubeObject] {
    /// The one object of a kind and name (and namespace, when given).
    func object(_ kind: String, _ name: String, in namespace: String? = nil) throws -> KubeObject {
        let found = filter { $0.kind == kind && $0.name == name && (namespace == nil || $0.namespace == namespace) }
        try #require(found.count == 1, "\(found.count) × \(kind) \(name)")
        return found[0]
    }
}

extension KubeObject {
    func labelValue(_ key: String) -> String? { labels.first { $0.0 == key }?.1 }
    func bodyValue(_ path: String) -> YAMLValue? { YAMLValue.map(body)[path: path] }
}

extension YAMLValue {
    /// A map's value at one key (which may contain dots, unlike `[path:]`).
    func value(at key: String) -> YAMLValue? { mapValue?[key] }
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
