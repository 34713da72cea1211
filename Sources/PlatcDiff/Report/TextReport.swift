/// The terminal report: platform summary, diagnostics, one line per object, the patches, and
/// the plan last, where the eye lands after scrolling. Colored (ANSI) only when asked.
public struct TextReport {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ report: DiffReport) -> String {
        var out = bold("platc diff: \(report.baseDescription) → this render") + "\n"
        let set = report.changeSet
        if set.isEmpty, report.summary.changes.isEmpty, report.summary.introduced.isEmpty, report.summary.resolved.isEmpty {
            return out + "No changes: out/ matches the base (\(set.unchanged) files).\n"
        }
        if let problem = report.summary.baseUnavailable { out += "\nnote: the base platform was not compared: \(problem)\n" }
        if !report.summary.changes.isEmpty {
            out += "\n" + bold("Platform") + "\n"
            for change in report.summary.changes {
                let kind = self.kind(of: change)
                out += "  " + paint(kind.sign, tone(kind)) + " " + change.text + "\n"
            }
        }
        if !report.summary.introduced.isEmpty || !report.summary.resolved.isEmpty {
            out += "\n" + bold("Diagnostics") + "\n"
            for diagnostic in report.summary.introduced { out += "  " + paint("+", .red) + " new " + line(diagnostic) + "\n" }
            for diagnostic in report.summary.resolved { out += "  " + paint("-", .green) + " resolved " + line(diagnostic) + "\n" }
        }
        if !set.isEmpty {
            for family in set.families {
                out += "\n" + bold(family.rawValue) + "\n"
                for change in set.changes where change.family == family {
                    var name = change.identity.displayName.map { $0 + "  " + dim(pathText(change)) } ?? pathText(change)
                    if let note = change.applicationNote { name += "  " + dim("(\(note))") }
                    out += "  " + paint(change.change.sign, tone(change.change)) + " " + name + "\n"
                }
            }
            for change in set.changes where !change.patch.isEmpty {
                out += "\n" + bold("\(change.change.sign) \(change.title)") + "\n" + colorPatch(change.patch)
                if !change.patch.hasSuffix("\n") { out += "\n" }
            }
        }
        for warning in set.moveWarnings { out += "\n" + paint("warning:", .yellow) + " " + warning.message + "\n" }
        out += "\n" + bold(report.plan)
        let families = report.planByFamily.map { "\($0.family.rawValue) \($0.counts)" }
        if !families.isEmpty { out += ": " + families.joined(separator: ", ") }
        return out + "\n"
    }

    private func pathText(_ change: ObjectChange) -> String {
        change.previousPath.map { "\($0) → \(change.path)" } ?? change.path
    }

    private func line(_ diagnostic: DiagnosticChange) -> String {
        "\(diagnostic.severity) [\(diagnostic.ruleID)] \(diagnostic.message)" + (diagnostic.location.map { " (\($0))" } ?? "")
    }

    /// A platform item signs like an object: added when it had no value, removed when it has none.
    private func kind(of change: PlatformChange) -> ObjectChange.Kind {
        switch (change.before, change.after) {
        case (nil, _): .added
        case (_, nil): .removed
        default: .modified
        }
    }

    // MARK: - Color

    private enum Tone: String {
        case red = "31", green = "32", yellow = "33", cyan = "36"
    }

    private func tone(_ kind: ObjectChange.Kind) -> Tone {
        switch kind {
        case .added: .green
        case .removed: .red
        case .modified, .renamed: .yellow
        }
    }

    private func paint(_ text: String, _ tone: Tone) -> String { color ? "\u{1B}[\(tone.rawValue)m\(text)\u{1B}[0m" : text }
    private func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func dim(_ text: String) -> String { color ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

    private func colorPatch(_ patch: String) -> String {
        guard color else { return patch }
        var out = ""
        for line in patch.split(separator: "\n", omittingEmptySubsequences: false).dropLast(patch.hasSuffix("\n") ? 1 : 0) {
            let text = String(line)
            if text.hasPrefix("+++") || text.hasPrefix("---") {
                out += bold(text)
            } else if text.hasPrefix("+") {
                out += paint(text, .green)
            } else if text.hasPrefix("-") {
                out += paint(text, .red)
            } else if text.hasPrefix("@@") {
                out += paint(text, .cyan)
            } else {
                out += text
            }
            out += "\n"
        }
        return out
    }
}
