import Foundation
import PlatcSpec

extension SourceTree {
    /// Reads a platform folder the simple way (no limits, no link checks), for in-process tests.
    public static func reading(_ root: URL) throws -> SourceTree {
        var files: [File] = []
        let fm = FileManager.default
        for folder in ["platform", "tenants", "models"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = fm.enumerator(atPath: base.path) else { continue }
            for case let relative as String in walker {
                let path = "\(folder)/\(relative)"
                guard SourceTree.isSource(path, in: folder) else { continue }
                files.append(File(path: path, bytes: [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))))
            }
        }
        return SourceTree(files: files)
    }
}

/// A text dump of every value in a Spec, without source spans or the source digest (where the
/// values came from, not what they are): two loads of the same platform
/// written differently (key order, comments, line endings) must dump the same.
public func valueDump(_ value: Any) -> String {
    var out = ""
    dump(Mirror(reflecting: value), subject: value, indent: 0, into: &out)
    return out
}

private func dump(_ mirror: Mirror, subject: Any, indent: Int, into out: inout String) {
    let pad = String(repeating: " ", count: indent)
    if mirror.children.isEmpty || mirror.displayStyle == .enum && mirror.children.isEmpty {
        out += "\(pad)\(subject)\n"
        return
    }
    if mirror.displayStyle == .optional {
        if let child = mirror.children.first {
            dump(Mirror(reflecting: child.value), subject: child.value, indent: indent, into: &out)
        } else {
            out += "\(pad)nil\n"
        }
        return
    }
    for child in mirror.children
    where !(child.label?.hasSuffix("span") ?? false) && !(child.label?.hasSuffix("Span") ?? false)
        && child.label != "sourceDigest"
    {
        out += "\(pad)\(child.label ?? "-"):\n"
        dump(Mirror(reflecting: child.value), subject: child.value, indent: indent + 2, into: &out)
    }
}

/// A small deterministic generator (SplitMix64), so property tests replay the same cases.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
