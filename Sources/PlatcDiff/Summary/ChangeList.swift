/// The changes found so far; each comparer appends to it, `sorted` fixes the display order.
struct ChangeList {
    private(set) var changes: [PlatformChange] = []

    mutating func append(
        _ topic: PlatformChange.Topic, _ subject: String, _ field: String, before: String?, after: String?, text: String
    ) {
        changes.append(PlatformChange(topic: topic, subject: subject, field: field, before: before, after: after, text: text))
    }

    /// Appends "<label>: <before> → <after><unit><note>" when the values differ; a missing value
    /// reads "none".
    mutating func compare(
        _ topic: PlatformChange.Topic, _ subject: String, _ field: String, _ label: String, _ before: String?, _ after: String?,
        unit: String = "", note: String = ""
    ) {
        guard before != after else { return }
        let text = "\(label): \(before ?? "none") → \(after ?? "none")\(unit)\(note)"
        append(topic, subject, field, before: before, after: after, text: text)
    }

    var sorted: [PlatformChange] { changes.sorted(by: PlatformChange.displayOrder) }
}
