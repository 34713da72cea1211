import PlatcChecks
import PlatcFacts
import PlatcRender
import PlatcSpec

/// The compiler's phases, composed once: load → facts → check → plan → emit. `platc check`,
/// `render`, `diff` and `fit`, the benchmark generator and the fuzzer all go through here, so the
/// facts are derived once per platform and the checks and the planners read the same value.
public struct Compilation: Sendable {
    public let loaded: LoadResult
    /// Derived from the Spec; nil exactly when it did not load.
    public let facts: Facts?
    /// Every finding in report order: `earlier` ones (the reader's), the loader's, the checks'.
    public let diagnostics: [Diagnostic]

    /// Loads `tree`, derives its facts and checks it; `clock` times each phase.
    public init(_ tree: SourceTree, after earlier: [Diagnostic] = [], clock: some PhaseClock = UntimedPhases()) {
        let loaded = clock.measure("load") { Loader().load(tree) }
        self.init(loaded, after: earlier, clock: clock)
    }

    public init(_ loaded: LoadResult, after earlier: [Diagnostic] = [], clock: some PhaseClock = UntimedPhases()) {
        self.loaded = loaded
        let facts = clock.measure("facts") { loaded.spec.map(Facts.init) }
        self.facts = facts
        diagnostics = clock.measure("check") { CheckPipeline.diagnostics(of: loaded, facts: facts, after: earlier) }
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The facts of a platform that checked without errors: what may be rendered.
    public var clean: Facts? { hasErrors ? nil : facts }

    /// plan + emit: every file of out/, or nil while any error remains (nothing is rendered then).
    public func render() throws(RenderPipeline.Failure) -> [Artifact]? {
        guard let clean else { return nil }
        return try RenderPipeline.render(clean)
    }
}

/// Times the phases of a compilation (`PLATC_TIMINGS=1` in the command line).
public protocol PhaseClock {
    func measure<Result>(_ phase: String, _ body: () throws -> Result) rethrows -> Result
}

/// No timing: each phase just runs.
public struct UntimedPhases: PhaseClock {
    public init() {}
    public func measure<Result>(_ phase: String, _ body: () throws -> Result) rethrows -> Result { try body() }
}
