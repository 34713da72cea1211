import PlatcFacts
import PlatcSpec

/// The check phase: Spec → diagnostics. Every rule is listed once in `registry`; its families run
/// in that order, and `ref/*` comes first so the others can skip what does not resolve.
public enum CheckPipeline {
    /// Every rule the check phase can report, in documentation order. A test asserts no id repeats across phases.
    public static let rules: [Rule] = registry.map { $0.rule }

    /// The registry cut where the family changes: each family's rules, in registry order.
    static let families: [[any CheckRule.Type]] = registry.reduce(into: []) { families, type in
        if let last = families.last?.last, last.rule.family == type.rule.family {
            families[families.count - 1].append(type)
        } else {
            families.append([type])
        }
    }

    public static func check(_ facts: Facts, sources: SourceFiles = SourceFiles()) -> [Diagnostic] {
        // The families read the Spec and the facts and report; none reads another's findings, so
        // each runs on its own context, on any core, and their findings join in family order.
        let runs: [@Sendable () -> [Diagnostic]] = families.map { family in
            {
                var context = CheckContext(facts: facts, sources: sources)
                for type in family { type.check(&context) }
                return context.diagnostics.diagnostics
            }
        }
        return Parallel.all(runs).flatMap { $0 }
    }

    /// Runs one family's rules (`fit`, `quota`, …) on `context`, in registry order, as `check` does.
    public static func run(family: String, _ context: inout CheckContext) {
        for type in registry where type.rule.family == family { type.check(&context) }
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
            found += InlineSecret.scanText(of: loaded.sources)
        }
        var collector = DiagnosticCollector()
        collector.append(contentsOf: SecretRedaction.redact(found, sources: loaded.sources))
        return collector.sorted
    }
}
