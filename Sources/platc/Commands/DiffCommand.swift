import ArgumentParser
import Foundation
import PlatcChecks
import PlatcDiff
import PlatcGit
import PlatcRender
import PlatcFacts
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
        let (_, loaded, headDiagnostics) = try SourceTreeReader.loadAndCheck(root: root)
        guard let spec = loaded.spec, !headDiagnostics.contains(where: { $0.severity == .error }) else {
            let text = TextFormatter(sources: loaded.sources, pathPrefix: CheckCommand.displayPrefix(root)).format(headDiagnostics)
            FileHandle.standardError.write(Data(text.utf8))
            printError("the sources have errors; nothing to compare")
            throw ExitStatus.sourceErrorsInGate
        }
        var artifacts: [Artifact]
        let renderedCount: Int
        let report: DiffReport
        do {
            let repository = try GitRepository(discoveringFrom: root)
            let location = try RepositoryLocation(repository: repository, root: root, out: out)
            do {
                artifacts = try PhaseTimings.measure("render") { try RenderPipeline.render(spec) }
            } catch {
                printError("internal error, please report it: \(error)")
                throw ExitStatus.usageOrIO
            }
            // Files whose blob at the base has the render's id are equal: never read or compared.
            let ids = Parallel.map(artifacts) { GitBlobID(of: $0.bytes) }
            let baseSide = try PhaseTimings.measure("git read") {
                try BaseRevision.read(
                    repository, revision: base, rootPath: location.root, outPath: location.out,
                    render: Dictionary(zip(artifacts.map(\.path), ids), uniquingKeysWith: { first, _ in first }))
            }
            let head = Dictionary(
                artifacts.filter { !baseSide.identical.contains($0.path) }.map { ($0.path, $0.bytes) },
                uniquingKeysWith: { first, _ in first })
            // Only the files that differ are still needed: the rest of the render goes before the
            // base platform is loaded (64 MiB at 5,000 tenants).
            renderedCount = artifacts.count
            artifacts = []
            // The base's load and check and the change set are independent: both at once.
            let (baseSources, baseOut, display, context) = (baseSide.sources, baseSide.out, location.display, contextLines)
            // Only the routes are read again, for the summary: the other files can go with the change set.
            let routeFiles = (RouteChanges.routeFiles(baseOut), RouteChanges.routeFiles(head))
            let sourcesProblem = baseSide.sourcesProblem
            let sides = PhaseTimings.measure("changes") {
                Parallel.all([
                    { @Sendable in Side.base(Self.check(baseSources, problem: sourcesProblem)) },
                    { @Sendable in
                        Side.changes(
                            Result { () throws(GitError) in
                                try ChangeSet.between(base: baseOut, head: head, prefix: display + "/", contextLines: context)
                            })
                    },
                ])
            }
            guard case .base(let baseState) = sides[0], case .changes(let changes) = sides[1] else { preconditionFailure("two sides") }
            var changeSet = try changes.get()
            changeSet.unchanged += baseSide.identical.count
            let summary = PhaseTimings.measure("summary") {
                PlatformSummary.compare(
                    base: baseState.spec, baseDiagnostics: baseState.diagnostics, head: spec, headDiagnostics: headDiagnostics,
                    baseProblem: baseSide.base.commit == nil ? "there is no commit yet" : baseState.problem,
                    changedRoutes: routeFiles)
            }
            report = DiffReport(base: baseSide.base, outPath: location.display, changeSet: changeSet, summary: summary)
        } catch let error as GitError {
            printError("\(error)")
            throw ExitStatus.usageOrIO
        } catch let error as RepositoryLocation.OutsideRepository {
            printError("\(error)")
            throw ExitStatus.usageOrIO
        }

        switch format {
        case .text:
            print(TextReport(color: stdoutWantsColor(color)).render(report), terminator: "")
        case .markdown:
            print(MarkdownReport(budget: markdownBudget).render(report), terminator: "")
        case .json:
            print(JSONReport.render(report), terminator: "")
        }
        let elapsed = Int(Date().timeIntervalSince(started) * 1000)
        progress("platc: compared \(renderedCount) rendered files with \(report.baseDescription) in \(elapsed) ms: \(report.plan)")
        if exitCode, !report.changeSet.isEmpty { throw ExitStatus.errors }
    }

    /// One side of the comparison, computed beside the other.
    private enum Side: Sendable {
        case base(BaseState)
        case changes(Result<ChangeSet, GitError>)
    }

    typealias BaseState = (spec: Spec?, diagnostics: [Diagnostic], problem: String?)

    /// The base platform loaded and checked, or why it cannot be compared.
    static func check(_ sources: SourceTree?, problem: String? = nil) -> BaseState {
        guard let sources else { return (nil, [], problem ?? "it has no platform/ folder") }
        let loaded = Loader().load(sources)
        let diagnostics = CheckPipeline.diagnostics(of: loaded)
        let errors = diagnostics.filter { $0.severity == .error }.count
        if loaded.spec == nil || errors > 0 {
            return (nil, diagnostics, "its sources have \(errors) error\(errors == 1 ? "" : "s")")
        }
        return (loaded.spec, diagnostics, nil)
    }
}
