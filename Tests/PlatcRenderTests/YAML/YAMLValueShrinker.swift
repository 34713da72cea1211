@testable import PlatcRender

/// Shrinks a failing `YAMLValue` to a small one that still fails: drops items and entries,
/// replaces collections by their children, cuts strings scalar by scalar. Greedy, bounded.
enum YAMLValueShrinker {
    static func shrink(_ value: YAMLValue, stillFails: (YAMLValue) -> Bool) -> YAMLValue {
        var current = value
        var steps = 0
        while steps < 2_000, let smaller = candidates(current).first(where: stillFails) {
            current = smaller
            steps += 1
        }
        return current
    }

    /// Smaller neighbours of a value, most aggressive first.
    static func candidates(_ value: YAMLValue) -> [YAMLValue] {
        switch value {
        case .list(let items):
            var result = items
            for index in items.indices { result.append(.list(removing(index, from: items))) }
            for index in items.indices {
                for smaller in candidates(items[index]) { result.append(.list(replacing(index, in: items, with: smaller))) }
            }
            return result
        case .map(let map):
            let entries = map.entries
            var result = entries.map(\.value)
            for index in entries.indices { result.append(.map(YAMLMap(removing(index, from: entries)))) }
            for (index, entry) in entries.enumerated() {
                for key in shorter(entry.key) where map[key] == nil {
                    result.append(.map(YAMLMap(replacing(index, in: entries, with: YAMLMap.Entry(key: key, value: entry.value)))))
                }
                for smaller in candidates(entry.value) {
                    result.append(.map(YAMLMap(replacing(index, in: entries, with: YAMLMap.Entry(key: entry.key, value: smaller)))))
                }
            }
            return result
        case .string(let text): return shorter(text).map(YAMLValue.string)
        case .decimal(let text): return shorter(text).map(YAMLValue.decimal)
        case .int(let number): return number == 0 ? [] : [.int(0), .int(number / 2)]
        case .bool: return []
        }
    }

    /// The text without one Unicode scalar, or without its first or second half.
    static func shorter(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return [] }
        var result: [String] = []
        if scalars.count > 2 {
            result.append(string(scalars[..<(scalars.count / 2)]))
            result.append(string(scalars[(scalars.count / 2)...]))
        }
        for index in scalars.indices { result.append(string(removing(index, from: scalars)[...])) }
        return result
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private static func removing<Element>(_ index: Int, from items: [Element]) -> [Element] {
        var copy = items
        copy.remove(at: index)
        return copy
    }

    private static func replacing<Element>(_ index: Int, in items: [Element], with item: Element) -> [Element] {
        var copy = items
        copy[index] = item
        return copy
    }
}
