import Foundation
import PlatcSpec
import PlatcTestSupport

/// Seeded edits of a valid platform that push it across the checks' limits: numbers multiplied,
/// zeroed or raised by one, timeouts swapped, utilizations raised, fields removed.
enum HintMutation {
    struct Leaf {
        var key: String
        var value: YAMLNode
        var line: Int
    }

    /// One or two edits of `files`, and what they were.
    static func mutate(_ files: PlatformFiles, _ random: inout SeededRandom) -> (files: PlatformFiles, what: String) {
        var files = files
        var what: [String] = []
        for _ in 0..<Int.random(in: 1...2, using: &random) {
            let paths = files.keys.filter { $0.hasSuffix(".yaml") }.sorted()
            guard let path = paths.randomElement(using: &random), let text = files[path],
                let root = YAMLComposer(file: path).compose(Array(text.utf8)).root
            else { continue }
            let leaves = HintFix.pairs(in: root).compactMap { entry -> Leaf? in
                guard let key = entry.pair.key.scalarText, entry.pair.value.scalarText != nil,
                    !["apiVersion", "kind", "name"].contains(key)
                else { return nil }
                return Leaf(key: key, value: entry.pair.value, line: entry.pair.key.span.start.line)
            }
            guard let leaf = leaves.randomElement(using: &random) else { continue }
            let durations = leaves.filter { isDuration($0.value.scalarText ?? "") && $0.line != leaf.line }
            guard let (edited, edit) = edit(leaf, in: text, durations: durations, &random) else { continue }
            files[path] = edited
            what.append("\(path):\(leaf.line) \(edit)")
        }
        return (files, what.joined(separator: "; "))
    }

    private static func edit(
        _ leaf: Leaf, in text: String, durations: [Leaf], _ random: inout SeededRandom
    ) -> (String, String)? {
        let old = leaf.value.scalarText ?? ""
        var new: String
        if Int.random(in: 0..<8, using: &random) == 0 {
            // Remove the field: its default stands in (or it was required).
            var lines = text.components(separatedBy: "\n")
            guard leaf.value.span.endLine == leaf.line else { return nil }
            lines.remove(at: leaf.line - 1)
            return (lines.joined(separator: "\n"), "removed \(leaf.key)")
        } else if let number = Int64(old) {
            new = String(
                [number * Int64.random(in: 2...8, using: &random), 0, 1, number + 1, max(number - 1, 0)].randomElement(using: &random)!)
        } else if let fraction = Double(old), old.contains(".") {
            new = [String(min(fraction + 0.1, 0.99)), "0.95", "0.99", "0.3", "1.0"].randomElement(using: &random)!
        } else if isDuration(old) {
            if let other = durations.randomElement(using: &random), Bool.random(using: &random) {
                new = other.value.scalarText ?? old
            } else {
                new = ["0s", "1s", "30s", "10m", "1h"].randomElement(using: &random)!
            }
        } else if let unit = ["Gi", "Mi", "m"].first(where: { old.hasSuffix($0) }), let amount = Int(old.dropLast(unit.count)) {
            new = "\([amount * 4, max(amount / 4, 1), 1].randomElement(using: &random)!)\(unit)"
        } else {
            return nil
        }
        guard new != old else { return nil }
        guard let edited = HintFix.replace(leaf.value.span, with: new, in: text) else { return nil }
        return (edited, "\(leaf.key): \(old) → \(new)")
    }

    static func isDuration(_ text: String) -> Bool {
        guard let last = text.last, "smh".contains(last), let first = text.first, first.isNumber else { return false }
        return text.allSatisfy { $0.isNumber || "smh.".contains($0) }
    }
}
