import ArgumentParser
import PlatcSpec

/// `platc schema`: the source language, as JSON Schema for editors or as a Markdown reference.
struct SchemaCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonschema, markdown
    }

    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print the JSON Schema (draft 2020-12) of the source language.")

    @Option(name: .long, help: "jsonschema (default) or markdown (docs/language-reference.md).")
    var format: Format = .jsonschema

    func run() throws {
        switch format {
        case .jsonschema: print(JSONSchemaGenerator.schema().serialized())
        case .markdown: print(LanguageReference.markdown(), terminator: "")
        }
    }
}
