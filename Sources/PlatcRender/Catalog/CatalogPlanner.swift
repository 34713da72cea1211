import PlatcSpec

/// The catalog family: `catalog/index.html` and `catalog/models.md` (docs/render-catalog.md).
/// No Kubernetes objects: the page is served by whatever static server the team runs.
enum CatalogPlanner: Planner {
    static func plan(_ context: RenderContext) -> [KubeObject] { [] }

    static func files(_ context: RenderContext) -> [OutputFile] {
        let catalog = Catalog(context)
        let view = CatalogView(catalog)
        // The page is the largest file of a render: the two formats are written at the same time.
        let texts = Parallel.all([{ @Sendable in CatalogPage.html(view) }, { @Sendable in CatalogMarkdown.markdown(view) }])
        return [
            OutputFile(path: "catalog/index.html", sources: catalog.sources, contents: .text(texts[0])),
            OutputFile(path: "catalog/models.md", sources: catalog.sources, contents: .text(texts[1])),
        ]
    }
}
