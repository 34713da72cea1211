import Mustache

/// The catalog's Mustache templates, parsed once. They are constants of platc: a parse failure
/// is a platc bug that every render would hit, so tests catch it and it is not an input error.
enum CatalogTemplates {
    static let library: MustacheLibrary = {
        // The Markdown template names its content type in a pragma, resolved when it is parsed.
        MustacheContentTypes.register(MarkdownEscaping(), named: MarkdownEscaping.name)
        var library = MustacheLibrary()
        let sources = ["page": CatalogPage.page, "bar": CatalogPage.bar, "markdown": CatalogMarkdown.document]
        for (name, text) in sources {
            do {
                try library.register(text, named: name)
            } catch {
                preconditionFailure("catalog template '\(name)' does not parse: \(error)")
            }
        }
        return library
    }()

    static func render(_ object: Any, template name: String) -> String {
        guard let text = library.render(object, withTemplate: name) else {
            preconditionFailure("catalog template '\(name)' is not registered")
        }
        return text
    }
}
