/// `platc schema`: JSON Schema (draft 2020-12) of the source language, generated from the same
/// shapes the loader validates with. Editors use it through yaml-language-server.
public enum JSONSchemaGenerator {
    public static let id = "https://platc.dev/schema/\(Kind.apiVersion.replacing("/", with: "-")).json"

    public static func schema() -> JSONValue {
        var definitions: [(String, JSONValue)] = []
        var seen: [String: String] = [:]
        for kind in Kind.allCases { collect(kind.shape, into: &definitions, seen: &seen) }
        let branches: [JSONValue] = Kind.allCases.map { kind in
            .object([
                (
                    "if",
                    .object([
                        ("properties", .object([("kind", .object([("const", .string(kind.rawValue))]))])),
                        ("required", .array([.string("kind")])),
                    ])
                ),
                ("then", .object([("$ref", .string("#/$defs/\(kind.shape.name)"))])),
            ])
        }
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(id)),
            ("title", .string("platc source document (\(Kind.apiVersion))")),
            ("description", .string("One platc document: a Platform or GPUClass in platform/, a Tenant in tenants/, a Model in models/.")),
            ("type", .string("object")),
            ("required", .array([.string("apiVersion"), .string("kind"), .string("name")])),
            ("properties", .object([("kind", .object([("enum", .array(Kind.allCases.map { .string($0.rawValue) }))]))])),
            ("allOf", .array(branches)),
            ("$defs", .object(definitions)),
        ])
    }

    /// Adds a definition per object shape, depth first, each once. Shapes are told apart by name
    /// (`seen`: name → doc), so two different shapes under one name would silently lose one: that
    /// is a fault of platc.
    private static func collect(_ shape: ObjectShape, into definitions: inout [(String, JSONValue)], seen: inout [String: String]) {
        if let known = seen[shape.name] {
            precondition(known == shape.doc, "two object shapes are named \(shape.name)")
            return
        }
        seen[shape.name] = shape.doc
        var properties: [(String, JSONValue)] = []
        for field in shape.fields {
            var pairs = type(field.type, into: &definitions, seen: &seen)
            pairs.insert(("description", .string(field.doc)), at: 0)
            if let defaultValue = field.defaultValue { pairs.append(("default", defaultJSON(defaultValue, field.type))) }
            properties.append((field.key, .object(pairs)))
        }
        let required = shape.fields.filter { $0.required && !shape.isReplaced($0.key) }.map { JSONValue.string($0.key) }
        var definition: [(String, JSONValue)] = [
            ("description", .string(shape.doc)),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", .array(required)),
            ("properties", .object(properties)),
        ]
        if !shape.oneOf.isEmpty {
            definition.append(("oneOf", .array(shape.oneOf.map { .object([("required", .array([.string($0)]))]) })))
        }
        if let alternative = shape.alternative {
            // Either the alternative's key and none of what it replaces, or the replaced required fields.
            let replaced = alternative.replaces.map { JSONValue.object([("required", .array([.string($0)]))]) }
            let requiredWithout = shape.fields.filter { $0.required && shape.isReplaced($0.key) }.map { JSONValue.string($0.key) }
            definition.append(
                (
                    "oneOf",
                    .array([
                        .object([("required", .array([.string(alternative.key)])), ("not", .object([("anyOf", .array(replaced))]))]),
                        .object([
                            ("required", .array(requiredWithout)),
                            ("not", .object([("required", .array([.string(alternative.key)]))])),
                        ]),
                    ])
                ))
        }
        definitions.append((shape.name, .object(definition)))
    }

    private static func type(
        _ type: ValueType, into definitions: inout [(String, JSONValue)], seen: inout [String: String]
    ) -> [(String, JSONValue)] {
        switch type {
        case .string(let format):
            return [("type", .string("string")), ("minLength", .integer(1))] + (format.pattern.map { [("pattern", .string($0))] } ?? [])
        case .integer(let min, let max):
            return [("type", .string("integer")), ("minimum", .integer(min)), ("maximum", .integer(max))]
        case .decimal(let min, let max):
            return [("type", .string("number")), ("minimum", .double(min)), ("maximum", .double(max))]
        case .boolean:
            return [("type", .string("boolean"))]
        case .duration:
            return [("type", .string("string")), ("pattern", .string(Duration.pattern))]
        case .quantity(let kind):
            return [("type", .string("string")), ("pattern", .string(Quantity.pattern(kind)))]
        case .usd:
            // "At most 6 decimals" is not expressible: multipleOf fails on binary floats.
            return [("type", .string("number")), ("minimum", .integer(0))]
        case .fraction:
            return [("type", .string("number")), ("exclusiveMinimum", .integer(0)), ("maximum", .integer(1))]
        case .oneOf(let words):
            return [("type", .string("string")), ("enum", .array(words.map(JSONValue.string)))]
        case .list(let element, let minItems, let unique):
            var pairs: [(String, JSONValue)] = [
                ("type", .string("array")), ("items", .object(self.type(element, into: &definitions, seen: &seen))),
            ]
            if minItems > 0 { pairs.append(("minItems", .integer(Int64(minItems)))) }
            if unique { pairs.append(("uniqueItems", .bool(true))) }
            return pairs
        case .object(let shape):
            collect(shape, into: &definitions, seen: &seen)
            return [("$ref", .string("#/$defs/\(shape.name)"))]
        case .map(let keyFormat, let value):
            return [
                ("type", .string("object")),
                ("propertyNames", .object(keyFormat.pattern.map { [("pattern", .string($0))] } ?? [])),
                ("additionalProperties", .object(self.type(value, into: &definitions, seen: &seen))),
            ]
        }
    }

    private static func defaultJSON(_ text: String, _ type: ValueType) -> JSONValue {
        switch type {
        case .integer: .integer(Int64(text) ?? 0)
        case .decimal, .fraction, .usd: .double(Double(text) ?? 0)
        case .boolean: .bool(text == "true")
        case .object, .map: .object([])
        case .list: .array([])
        default: .string(text)
        }
    }
}
