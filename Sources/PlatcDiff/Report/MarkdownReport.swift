import PlatcSpec

/// The pull-request comment. It must fit a comment (GitHub refuses bodies over 65,536
/// characters), so it is built in order of importance: the header, the plan, the platform
/// summary and the diagnostics always; then each object's whole diff in a `<details>` block,
/// in report order, while they fit; then how many were left out. Every block is added whole or
/// not at all, so fences and tags always close. The budget counts UTF-8 bytes, never fewer
/// than the characters GitHub counts.
public struct MarkdownReport {
    public static let defaultBudget = 65_000
    public var budget: Int

    public init(budget: Int = MarkdownReport.defaultBudget) { self.budget = budget }

    public func render(_ report: DiffReport) -> String {
        let trailerReserve = trailer(omitted: report.changeSet.changes.count, report).utf8.count
        var out = header(report)
        out += platformSection(report, room: budget - out.utf8.count - trailerReserve)
        var omitted = 0
        for change in report.changeSet.changes {
            let block = details(change)
            if omitted == 0, out.utf8.count + block.utf8.count + trailerReserve <= budget {
                out += block
            } else {
                omitted += 1
            }
        }
        if omitted > 0 { out += trailer(omitted: omitted, report) }
        return out
    }

    private func header(_ report: DiffReport) -> String {
        var out = "### platc diff\n\n"
        out += "Compared with `\(report.outPath)/` at \(code(report.base.revision))"
        if let short = report.base.shortCommit, short != report.base.revision { out += " (\(code(short)))" }
        if report.base.commit == nil { out += " (no commit yet)" }
        out += ".\n\n"
        if report.changeSet.isEmpty { return out + "**No changes** to `\(report.outPath)/`.\n" }
        // In code spans: `~` and `-` would otherwise be read as markup.
        out += "**`\(report.plan)`**"
        let families = report.planByFamily.map { "\($0.family.rawValue) `\($0.counts)`" }
        if !families.isEmpty { out += " · " + families.joined(separator: " · ") }
        out += "\n"
        let masked = report.changeSet.changes.reduce(0) { $0 + $1.maskedSecrets }
        if masked > 0 { out += "\n\(masked) secret value\(masked == 1 ? " is" : "s are") shown as `***`.\n" }
        for warning in report.changeSet.moveWarnings { out += "\n**warning:** \(markdown(warning))\n" }
        return out
    }

    /// The platform summary and diagnostics; cut with a count only if they alone would not
    /// fit, so the comment stays postable whatever the change.
    private func platformSection(_ report: DiffReport, room: Int) -> String {
        var lines: [String] = []
        if let problem = report.summary.baseUnavailable {
            lines.append("\n_The base platform was not compared: \(MarkdownText.escape(problem))_\n")
        }
        if !report.summary.changes.isEmpty {
            lines.append("\n#### Platform\n\n")
            for change in report.summary.changes { lines.append("- \(MarkdownText.escape(change.text))\n") }
        }
        if !report.summary.introduced.isEmpty || !report.summary.resolved.isEmpty {
            lines.append("\n#### Diagnostics\n\n")
            for diagnostic in report.summary.introduced { lines.append("- new: \(item(diagnostic))\n") }
            for diagnostic in report.summary.resolved { lines.append("- resolved: \(item(diagnostic))\n") }
        }
        if !report.changeSet.isEmpty { lines.append("\n#### Objects\n\n") }
        var out = ""
        for (index, line) in lines.enumerated() {
            let cut = "- … \(lines.count - index) more lines: run `platc diff`\n"
            if out.utf8.count + line.utf8.count + cut.utf8.count > room {
                return out + cut
            }
            out += line
        }
        return out
    }

    private func item(_ diagnostic: DiagnosticChange) -> String {
        "\(diagnostic.severity) `\(diagnostic.ruleID)` \(MarkdownText.escape(diagnostic.message))"
            + (diagnostic.location.map { " (\(MarkdownText.escape($0)))" } ?? "")
    }

    /// One object: its identity and path as the summary line, its diff inside.
    private func details(_ change: ObjectChange) -> String {
        var summary = "\(MarkdownText.escapeHTML(change.change.sign)) \(change.family.rawValue): "
        if let name = change.identity.displayName { summary += MarkdownText.escapeHTML(name) + " " }
        summary += "<code>\(MarkdownText.escapeHTML(change.previousPath.map { "\($0) → \(change.path)" } ?? change.path))</code>"
        if change.insertions + change.deletions > 0 { summary += " (+\(change.insertions) −\(change.deletions))" }
        if let note = change.applicationNote { summary += " · " + MarkdownText.escapeHTML(note) }
        guard !change.patch.isEmpty else { return "<p>\(summary)</p>\n" }
        let fence = MarkdownText.fence(for: change.patch)
        let body = change.patch.hasSuffix("\n") ? change.patch : change.patch + "\n"
        return "<details><summary>\(summary)</summary>\n\n\(fence)diff\n\(body)\(fence)\n\n</details>\n"
    }

    private func markdown(_ warning: MoveWarning) -> String {
        warning.fragments.map { fragment in
            switch fragment {
            case .text(let text): MarkdownText.escape(text)
            case .code(let text): code(text)
            }
        }.joined()
    }

    private func trailer(omitted: Int, _ report: DiffReport) -> String {
        let command = "platc diff --base \(report.base.revision)"
        return
            "\n\(Plural.counted(omitted, "more object")) changed: run \(code(command)) to see \(omitted == 1 ? "it" : "them all").\n"
    }

    private func code(_ text: String) -> String {
        let fence = text.contains("`") ? "``" : "`"
        return fence + (text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text) + fence
    }
}
