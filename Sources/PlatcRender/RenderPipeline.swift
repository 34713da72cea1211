/// The plan and emit phases (Spec + Facts → [Artifact] → bytes) live here once rendering exists.
/// Nothing is rendered yet: `platc render` is not offered by the command line.
public enum RenderPipeline {}
