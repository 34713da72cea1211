import Foundation
import PlatcSpec
import PlatcTestSupport

@testable import PlatcRender

/// The YAML documents of the committed out/ of the default platform, read back into the
/// `YAMLValue`s that rendered them, with the bytes each one rendered to (header comment removed).
struct CommittedDocument {
    var path: String
    var value: YAMLValue
    var bytes: [UInt8]

    static func all() throws -> [CommittedDocument] {
        let out = Paths.packageRoot.appendingPathComponent("out")
        let files = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }.map { url in
            let text = try String(contentsOf: url, encoding: .utf8)
            let body = text.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.hasPrefix("#") }
                .joined(separator: "\n")
            let composed = YAMLComposer(file: url.path).compose(Array(body.utf8))
            guard let root = composed.root else { throw ReadError(path: url.path) }
            return CommittedDocument(path: url.path, value: value(root), bytes: Array(body.utf8))
        }
    }

    struct ReadError: Error { var path: String }

    /// A plain scalar that `PlainScalar` would have quoted as a string was a bool, int or decimal.
    static func value(_ node: YAMLNode) -> YAMLValue {
        switch node.content {
        case .scalar(let text, .plain) where !PlainScalar.resolvesToString(text):
            if text == "true" || text == "false" { return .bool(text == "true") }
            if let number = Int64(text), String(number) == text { return .int(number) }
            return .decimal(text)
        case .scalar(let text, _): return .string(text)
        case .sequence(let nodes): return .list(nodes.map(value))
        case .mapping(let pairs):
            return .map(YAMLMap(pairs.map { pair in YAMLMap.Entry(key: key(pair.key), value: value(pair.value)) }))
        }
    }

    private static func key(_ node: YAMLNode) -> String {
        if case .scalar(let text, _) = node.content { return text }
        return ""
    }
}
