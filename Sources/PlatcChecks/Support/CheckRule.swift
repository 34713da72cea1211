import PlatcFacts
import PlatcSpec

/// One check rule: its documentation (`rule`, the value docs/rules.md is generated from) and its check over the Spec and the Facts.
///
/// Each rule is one type in one file, `<Family>/<RuleName>.swift`, listed once in
/// `CheckPipeline.registry`. Checks run only on a Spec that loaded without errors, and must not
/// assume that references resolve: the `ref/*` family reports a dangling name once; the others
/// skip what they cannot find. A check reads its numbers from the facts (fits, pools, the
/// timeout ladder); it never estimates or sums them itself.
public protocol CheckRule: Sendable {
    static var rule: Rule { get }
    static func check(_ context: inout CheckContext)
}
