import PlatcFacts
import PlatcSpec

/// One family of semantic checks (references, GPU fit, quotas, timeouts, policy).
/// Each family lives in its own folder, declares its rules, and reports through the context.
/// Checks run only on a Spec that loaded without errors, and must not assume that references
/// resolve: the `ref/*` family reports a dangling name once; the others skip what they cannot find.
public protocol Check: Sendable {
    /// Every rule this family can report, in documentation order.
    static var rules: [Rule] { get }
    static func run(_ context: inout CheckContext)
}
