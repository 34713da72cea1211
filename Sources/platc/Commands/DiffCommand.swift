import ArgumentParser
import Foundation
import PlatcCompiler
import PlatcDiff
import PlatcSpec

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
}

/// `platc diff`: render in memory and compare with out/ as committed at a revision (read through
/// libgit2), object by object and in platform terms. Writes nothing.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Show what a render changes in out/ compared with a Git revision (default HEAD).")

    @Option(name: .long, help: "Platform root (holds platform/, tenants/, models/); any folder inside a Git repository.")
    var root: String = "."

    @Option(name: .long, help: "Output folder (default: <root>/out).")
    var out: String?

    @Option(name: .long, help: "Revision to compare with: a branch, tag, SHA, origin/main, HEAD~1 …")
    var base: String = "HEAD"

    @Option(name: .long, help: "Report format: text, markdown (a pull-request comment) or json.")
    var format: DiffFormat = .text

    @Option(name: .long, help: "Most bytes of a Markdown report (GitHub refuses comments over 65,536 characters).")
    var markdownBudget: Int = MarkdownReport.defaultBudget

    @Option(name: .long, help: "Lines of context around each change in the patches.")
    var contextLines: Int = 3

    @Flag(name: .long, help: "Exit 1 when anything changes (0 when nothing does).")
    var exitCode = false

    @Flag(name: .long, inversion: .prefixedNo, help: "Color text output (default: when stdout is a terminal and NO_COLOR is unset).")
    var color: Bool?

    func validate() throws {
        guard markdownBudget >= 2_000 else { throw ValidationError("--markdown-budget must be at least 2000 bytes") }
        guard (0...1_000).contains(contextLines) else { throw ValidationError("--context-lines must be between 0 and 1000") }
    }

    func run() throws {
        let started = Date()
        let (_, head) = try SourceTreeReader.loadAndCheck(root: root)
        guard !head.hasErrors else {
            let text = TextFormatter(sources: head.loaded.sources, pathPrefix: CheckCommand.displayPrefix(root)).format(head.diagnostics)
            FileHandle.standardError.write(Data(text.utf8))
            printError("the sources have errors; nothing to compare")
            throw ExitStatus.sourceErrorsInGate
        }
        let result: DiffPipeline.Result
        do {
            result = try DiffPipeline.run(
                head: head, root: root, out: out, revision: base, contextLines: contextLines, clock: PhaseTimings.phases)
        } catch .render(.refused(let diagnostics)) {
            let text = TextFormatter(sources: head.loaded.sources, pathPrefix: CheckCommand.displayPrefix(root)).format(diagnostics)
            FileHandle.standardError.write(Data(text.utf8))
            printError("the rendered objects break a limit; nothing to compare")
            throw ExitStatus.sourceErrorsInGate
        } catch {
            printError("\(error)")
            throw ExitStatus.usageOrIO
        }
        let report = result.report
        switch format {
        case .text:
            print(TextReport(color: stdoutWantsColor(color)).render(report), terminator: "")
        case .markdown:
            print(MarkdownReport(budget: markdownBudget).render(report), terminator: "")
        case .json:
            print(JSONReport.render(report), terminator: "")
        }
        let elapsed = Int(Date().timeIntervalSince(started) * 1000)
        progress("platc: compared \(result.renderedCount) rendered files with \(report.baseDescription) in \(elapsed) ms: \(report.plan)")
        if exitCode, !report.changeSet.isEmpty { throw ExitStatus.errors }
    }
}
