/// The admission family: Kyverno policies (docs/render-kyverno.md).
enum KyvernoPlanner: Planner {
    static func plan(_ context: RenderContext) -> [KubeObject] { [] }
}
