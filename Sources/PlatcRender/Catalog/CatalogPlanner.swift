/// The catalog family: `catalog/index.html` and `catalog/models.md` (docs/render-catalog.md).
/// No Kubernetes objects: the page is served by whatever static server the team runs.
enum CatalogPlanner: Planner {
    static func plan(_ context: RenderContext) -> [KubeObject] { [] }

    static func files(_ context: RenderContext) -> [OutputFile] {
        let catalog = Catalog(context)
        let view = CatalogView(catalog)
        return [
            OutputFile(path: "catalog/index.html", sources: catalog.sources, contents: .text(CatalogPage.html(view))),
            OutputFile(path: "catalog/models.md", sources: catalog.sources, contents: .text(CatalogMarkdown.markdown(view))),
        ]
    }
}
