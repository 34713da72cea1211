import PlatcSpec

/// The check phase: Spec → diagnostics (and, later, Facts such as VRAM estimates).
/// The semantic rules (references, GPU fit, quotas, timeouts, policy) arrive with the checks
/// issue; until then this phase has no rules and reports nothing.
public enum CheckPipeline {
    /// Every rule the check phase can report. A test asserts no id repeats across phases.
    public static let rules: [Rule] = []

    public static func check(_ spec: Spec) -> [Diagnostic] { [] }
}
