import ArgumentParser
import PlatcSpec

/// `platc schema`: the JSON Schema of the source language.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print the JSON Schema (draft 2020-12) of the source language.")

    func run() throws {
        print(JSONSchemaGenerator.schema().serialized())
    }
}
