import PlatcSpec

/// How one fuzz input becomes the files of a platform root. Two layouts:
/// - **slots** (the first seeds): five files joined by NUL bytes, in the order platform/p.yaml,
///   platform/g.yaml, tenants/t.yaml, models/m.yaml, models/m.json;
/// - **named**: the marker `#platc-files` and a NUL, then `path NUL bytes NUL` pairs, so a whole
///   platform with many tenants and models (the embedded default) is one input and the
///   cross-file rules see more than one of each.
enum FuzzInput {
    static let marker = Array("#platc-files\0".utf8)
    static let slots = ["platform/p.yaml", "platform/g.yaml", "tenants/t.yaml", "models/m.yaml", "models/m.json"]
    /// More files than any seed has; keeps one input's work bounded.
    static let maxNamedFiles = 32

    static func files(_ bytes: [UInt8]) -> [SourceTree.File] {
        guard bytes.starts(with: marker) else {
            let parts = bytes.split(separator: 0, maxSplits: slots.count - 1, omittingEmptySubsequences: false)
            return zip(slots, parts).map { SourceTree.File(path: $0, bytes: Array($1)) }
        }
        let parts = bytes.dropFirst(marker.count).split(separator: 0, omittingEmptySubsequences: false)
        var files: [SourceTree.File] = []
        var seen = Set<String>()
        var index = parts.startIndex
        while index + 1 < parts.endIndex, files.count < maxNamedFiles {
            let path = String(decoding: parts[index], as: UTF8.self)
            // The reader only ever yields distinct relative paths under the three folders.
            if isSourcePath(path), seen.insert(path).inserted {
                files.append(SourceTree.File(path: path, bytes: Array(parts[index + 1])))
            }
            index += 2
        }
        return files
    }

    private static func isSourcePath(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard components.count >= 2, ["platform", "tenants", "models"].contains(components[0]) else { return false }
        return components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
