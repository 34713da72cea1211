import PlatcFacts
import PlatcFacts
import PlatcSpec

/// The check phase: Spec → diagnostics. Families run in a fixed order; each reports under its
/// own rule ids, and `ref/*` runs first so the others can skip what does not resolve.
public enum CheckPipeline {
    /// The check families, in the order they run and are documented.
    static var checks: [any Check.Type] {
        [RefChecks.self, FitChecks.self, EngineChecks.self, QuotaChecks.self, TimeoutChecks.self, PolicyChecks.self]
    }

    /// Every rule the check phase can report. A test asserts no id repeats across phases.
    public static let rules: [Rule] = checks.flatMap { $0.rules }

    public static func check(_ facts: Facts, sources: SourceFiles = SourceFiles()) -> [Diagnostic] {
        // The families read the Spec and report; none reads another's findings, so each runs
        // on its own context, on any core, and their findings join in family order.
        let families: [@Sendable () -> [Diagnostic]] = checks.map { check in
            {
                var context = CheckContext(facts: facts, sources: sources)
                check.run(&context)
                return context.diagnostics.diagnostics
            }
        }
        return Parallel.all(families).flatMap { $0 }
    }

    /// Everything `platc check` reports for a load, in report order: `earlier` findings (the
    /// reader's), the loader's, then the checks' when the Spec loaded, else the secret scan of the
    /// sources' text, which needs no Spec. No message quotes a secret (SecretRedaction).
    /// `facts`: derived from `loaded.spec`, nil exactly when it did not load.
    public static func diagnostics(of loaded: LoadResult, facts: Facts?, after earlier: [Diagnostic] = []) -> [Diagnostic] {
        var found = earlier + loaded.diagnostics
        if let facts {
            found += check(facts, sources: loaded.sources)
        } else {
            found += PolicyChecks.InlineSecret.scanText(of: loaded.sources)
        }
        var collector = DiagnosticCollector()
        collector.append(contentsOf: PolicyChecks.SecretRedaction.redact(found, sources: loaded.sources))
        return collector.sorted
    }
}
