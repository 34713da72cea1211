import PlatcCompiler
import PlatcFacts
import PlatcGit
import PlatcRender
import PlatcSpec

/// `platc diff` as a library: the head compilation rendered in memory, out/ and the sources read at
/// the base revision through libgit2, the base loaded and checked, and the change set and the
/// platform summary joined into one `DiffReport`. The command line keeps the flags, the printing
/// and the exit codes.
public enum DiffPipeline {
    public struct Result: Sendable {
        public let report: DiffReport
        /// How many files the head render has (the progress line prints it).
        public let renderedCount: Int
    }

    /// Why there is no report: the repository could not be read, or platc itself failed.
    public enum Failure: Error, CustomStringConvertible {
        case git(GitError)
        case outsideRepository(RepositoryLocation.OutsideRepository)
        /// The head's render wrote nothing: it broke a limit only a render sees (`.refused`,
        /// findings about the sources), or platc itself failed.
        case render(RenderPipeline.Failure)

        public var description: String {
            switch self {
            case .git(let error): "\(error)"
            case .outsideRepository(let error): "\(error)"
            case .render(.refused(let diagnostics)): diagnostics.map(\.message).joined(separator: "; ")
            case .render(.internalError(let error)): "internal error, please report it: \(error)"
            }
        }
    }

    /// `head` must have checked without errors. `root` and `out` are paths on disk inside the
    /// repository; `revision` is what to compare with.
    public static func run(
        head: Compilation, root: String, out: String?, revision: String, contextLines: Int, clock: some PhaseClock = UntimedPhases()
    ) throws(Failure) -> Result {
        guard let facts = head.clean else { preconditionFailure("diff runs on a platform without errors") }
        do {
            let repository = try GitRepository(discoveringFrom: root)
            let location = try RepositoryLocation(repository: repository, root: root, out: out)
            var artifacts = try clock.measure("render") {
                Swift.Result { () throws(RenderPipeline.Failure) in try RenderPipeline.render(facts) }
            }
            .get()
            // Files whose blob at the base has the render's id are equal: never read or compared.
            let ids = Parallel.map(artifacts) { GitBlobID(of: $0.bytes) }
            let baseSide = try clock.measure("git read") {
                try BaseRevision.read(
                    repository, revision: revision, rootPath: location.root, outPath: location.out,
                    render: Dictionary(zip(artifacts.map(\.path), ids), uniquingKeysWith: { first, _ in first }))
            }
            // Which Application syncs each file, on each side: a handful of files parsed.
            let applications = ApplicationOwnership.Sides(
                base: baseSide.out, identical: baseSide.identical,
                render: Dictionary(
                    artifacts.filter { ApplicationOwnership.mayHoldApplication($0.path) }.map { ($0.path, $0.bytes) },
                    uniquingKeysWith: { first, _ in first }))
            let changedHead = Dictionary(
                artifacts.filter { !baseSide.identical.contains($0.path) }.map { ($0.path, $0.bytes) },
                uniquingKeysWith: { first, _ in first })
            // Only the files that differ are still needed: the rest of the render goes before the
            // base platform is loaded (64 MiB at 5,000 tenants).
            let renderedCount = artifacts.count
            artifacts = []
            // The base's load and check and the change set are independent: both at once.
            let (baseSources, baseOut, display) = (baseSide.sources, baseSide.out, location.display)
            // Only the routes are read again, for the summary: the other files can go with the change set.
            let routeFiles = (RouteChanges.routeFiles(baseOut), RouteChanges.routeFiles(changedHead))
            let sourcesProblem = baseSide.sourcesProblem
            let sides = clock.measure("changes") {
                Parallel.all([
                    { @Sendable in Side.base(BaseState(baseSources, problem: sourcesProblem)) },
                    { @Sendable in
                        Side.changes(
                            Swift.Result { () throws(GitError) in
                                try ChangeSet.between(
                                    base: baseOut, head: changedHead, prefix: display + "/", contextLines: contextLines,
                                    applications: applications)
                            })
                    },
                ])
            }
            guard case .base(let baseState) = sides[0], case .changes(let changes) = sides[1] else { preconditionFailure("two sides") }
            var changeSet = try changes.get()
            changeSet.unchanged += baseSide.identical.count
            let summary = clock.measure("summary") {
                PlatformSummary.compare(
                    base: baseState.facts, baseDiagnostics: baseState.diagnostics, head: facts, headDiagnostics: head.diagnostics,
                    baseProblem: baseSide.base.commit == nil ? "there is no commit yet" : baseState.problem,
                    changedRoutes: routeFiles)
            }
            let report = DiffReport(base: baseSide.base, outPath: location.display, changeSet: changeSet, summary: summary)
            return Result(report: report, renderedCount: renderedCount)
        } catch let error as GitError {
            throw .git(error)
        } catch let error as RepositoryLocation.OutsideRepository {
            throw .outsideRepository(error)
        } catch let error as RenderPipeline.Failure {
            throw .render(error)
        } catch {
            preconditionFailure("unexpected \(error)")
        }
    }

    /// One side of the comparison, computed beside the other.
    private enum Side: Sendable {
        case base(BaseState)
        case changes(Swift.Result<ChangeSet, GitError>)
    }
}

/// The base platform loaded and checked, or why it cannot be compared.
struct BaseState: Sendable {
    let facts: Facts?
    let diagnostics: [Diagnostic]
    let problem: String?

    init(_ sources: SourceTree?, problem: String? = nil) {
        guard let sources else {
            (facts, diagnostics, self.problem) = (nil, [], problem ?? "it has no platform/ folder")
            return
        }
        let compilation = Compilation(sources)
        let errors = compilation.diagnostics.filter { $0.severity == .error }.count
        diagnostics = compilation.diagnostics
        facts = compilation.clean
        self.problem = facts == nil ? "its sources have \(Plural.counted(errors, "error"))" : nil
    }
}
