/// Checks a YAML node against a `ValueType` and returns the typed value. Every problem becomes a
/// located diagnostic; validation continues past it so one run reports everything.
public struct ShapeValidator {
    public var diagnostics = DiagnosticCollector()

    public init() {}

    /// `path` names the value in messages, e.g. `serving.replicas.min`; `owner` is the span of the
    /// key that holds it (`serving:`), where the defaults of its unwritten fields point.
    public mutating func validate(_ node: YAMLNode, as type: ValueType, path: String, owner: SourceSpan? = nil) -> Located<Value>? {
        if let tag = node.tag {
            diagnostics.error(
                .yamlTag, "explicit YAML tag '\(tag)' on '\(path)'", at: node.span,
                hint: "remove the tag: platc reads each value by the type its field declares")
            return nil
        }
        if node.isNull, !type.isScalar {
            diagnostics.error(
                .schemaWrongType, "'\(path)' has no value", at: node.span,
                hint: "write \(type.noun) here, e.g. `\(path.split(separator: ".").last ?? ""): \(placeholder(type))`")
            return nil
        }
        switch type {
        case .object(let shape): return validateObject(node, shape: shape, path: path, owner: owner)
        case .list(let element, let minItems, let unique):
            return validateList(node, element: element, minItems: minItems, unique: unique, path: path)
        case .map(let keyFormat, let valueType): return validateMap(node, keyFormat: keyFormat, valueType: valueType, path: path)
        default: return validateScalar(node, as: type, path: path)
        }
    }

    // MARK: - Collections

    private mutating func validateObject(_ node: YAMLNode, shape: ObjectShape, path: String, owner: SourceSpan?) -> Located<Value>? {
        guard case .mapping(let pairs) = node.content else {
            let key = path.split(separator: ".").last.map(String.init) ?? path
            wrongType(node, expected: .object(shape), path: path, hint: "write a mapping, e.g. `\(key): \(placeholder(.object(shape)))`")
            return nil
        }
        var fields: [String: Located<Value>] = [:]
        var valid = true
        // A misspelt key already names the field it meant; do not also call that field missing.
        var explained = Set<String>()
        // Keys written with a value (valid or not): these neither take a default nor are missing.
        var written = Set<String>()
        var keySpans: [String: SourceSpan] = [:]
        for pair in pairs {
            guard let key = scalarKey(pair.key, path: path) else {
                valid = false
                continue
            }
            guard let field = shape.field(key) else {
                if let meant = unknownKey(key, at: pair.key.span, shape: shape, path: path) { explained.insert(meant) }
                if key == "<<" { explained.formUnion(shape.fields.map(\.key)) }
                valid = false
                continue
            }
            let fieldPath = path.isEmpty ? key : "\(path).\(key)"
            if pair.value.isNull, !field.required {
                continue  // `key:` with no value means "use the default", as in Kubernetes.
            }
            written.insert(key)
            keySpans[key] = pair.key.span
            if let value = validate(pair.value, as: field.type, path: fieldPath, owner: pair.key.span) {
                fields[key] = value
            } else {
                valid = false
            }
        }
        // The alternative form: its key written, the fields it replaces are neither required nor defaulted.
        let alternative = shape.alternative.flatMap { written.contains($0.key) ? $0 : nil }
        if let alternative, !replacedFieldsAbsent(alternative, shape: shape, written: written, keySpans: keySpans, path: path) {
            valid = false
        }
        for field in shape.fields where !written.contains(field.key) && !(alternative != nil && shape.isReplaced(field.key)) {
            if field.required {
                if explained.contains(field.key) { continue }
                let fieldPath = path.isEmpty ? field.key : "\(path).\(field.key)"
                let where_ = path.isEmpty ? shape.name : "'\(path)'"
                diagnostics.error(
                    .schemaMissingField, "missing required field '\(fieldPath)' in \(where_)", at: mappingHead(node),
                    hint: "add `\(field.key): \(field.example ?? placeholder(field.type))` (\(field.doc))")
                valid = false
            } else if let defaultText = field.defaultValue {
                let content: YAMLNode.Content =
                    switch defaultText {
                    case "{}": .mapping([])
                    case "[]": .sequence([])
                    default: .scalar(defaultText, .plain)
                    }
                // A default points at the key of the object that would hold it, saying so. Only an
                // object's default has fields of its own, whose notes need its whole path; a scalar's
                // path is its key, as a default cannot be invalid (no string is built per default).
                let parent = owner ?? documentKey(node)
                let span = parent.standingIn(path: path, key: field.key, defaultText: defaultText)
                let fieldPath = defaultText == "{}" ? (path.isEmpty ? field.key : "\(path).\(field.key)") : field.key
                let synthetic = YAMLNode(content: content, span: span, tag: nil, weight: 1)
                fields[field.key] = validate(synthetic, as: field.type, path: fieldPath, owner: parent)
            }
        }
        if !shape.oneOf.isEmpty, !exactlyOne(of: shape, written: written, keySpans: keySpans, node: node, path: path) { valid = false }
        return valid
            ? Located(.object(ObjectValue(shape: shape.name, fields: fields, span: node.span, written: written)), at: node.span) : nil
    }

    /// With the alternative's key written, none of the fields it replaces may be.
    private mutating func replacedFieldsAbsent(
        _ alternative: ObjectShape.Alternative, shape: ObjectShape, written: Set<String>, keySpans: [String: SourceSpan], path: String
    ) -> Bool {
        let where_ = path.isEmpty ? shape.name : "'\(path)'"
        var clean = true
        for key in alternative.replaces where written.contains(key) {
            diagnostics.error(
                .schemaExclusiveFields, "\(where_) sets '\(alternative.key)', which leaves no room for '\(key)'", at: keySpans[key],
                notes: keySpans[alternative.key].map { [.init("'\(alternative.key)' is set here", at: $0)] } ?? [],
                hint: "remove '\(key)', or remove '\(alternative.key)'")
            clean = false
        }
        return clean
    }

    /// `shape.oneOf`: one of the keys must be written, and only one.
    private mutating func exactlyOne(
        of shape: ObjectShape, written: Set<String>, keySpans: [String: SourceSpan], node: YAMLNode, path: String
    ) -> Bool {
        let keys = shape.oneOf.filter(written.contains)
        let choices = shape.oneOf.map { "'\($0)'" }.joined(separator: " or ")
        let where_ = path.isEmpty ? shape.name : "'\(path)'"
        if keys.isEmpty {
            let examples = shape.oneOf.map { key in "`\(key): \(shape.field(key).map { $0.example ?? placeholder($0.type) } ?? "…")`" }
            diagnostics.error(
                .schemaMissingField, "\(where_) needs \(choices)", at: mappingHead(node),
                hint: "add " + examples.joined(separator: " or "))
            return false
        }
        guard keys.count > 1, let second = keySpans[keys[1]] else { return true }
        diagnostics.error(
            .schemaExclusiveFields, "\(where_) sets both '\(keys[0])' and '\(keys[1])'; write one of \(choices)", at: second,
            notes: keySpans[keys[0]].map { [.init("'\(keys[0])' is set here", at: $0)] } ?? [],
            hint: "remove '\(keys[1])' or '\(keys[0])'")
        return false
    }

    private mutating func validateList(
        _ node: YAMLNode, element: ValueType, minItems: Int, unique: Bool, path: String
    ) -> Located<Value>? {
        guard case .sequence(let items) = node.content else {
            var hint: String?
            if case .scalar(let text, _) = node.content, !node.isNull { hint = "write a list: [\(text)]" }
            diagnostics.error(
                .schemaWrongType, "'\(path)' must be a list, not \(node.kindDescription)", at: node.span, hint: hint)
            return nil
        }
        var values: [Located<Value>] = []
        var valid = true
        var seen: [String: SourceSpan] = [:]
        for (index, item) in items.enumerated() {
            guard let value = validate(item, as: element, path: "\(path)[\(index)]") else {
                valid = false
                continue
            }
            if unique, let (text, span) = identity(of: item, element: element) {
                if let first = seen[text] {
                    diagnostics.error(
                        .schemaDuplicateItem, "'\(text)' appears twice in '\(path)'", at: span,
                        notes: [.init("first listed here", at: first)], hint: "remove the repeated entry")
                    valid = false
                }
                seen[text] = seen[text] ?? span
            }
            values.append(value)
        }
        if valid, values.count < minItems {
            diagnostics.error(
                .schemaMissingField, "'\(path)' needs at least \(Plural.counted(minItems, "item"))", at: node.span,
                hint: "add an entry to the list")
            return nil
        }
        return valid ? Located(.list(values), at: node.span) : nil
    }

    /// What makes a list item distinct: a scalar's text, or the text of an object's identity field.
    private func identity(of item: YAMLNode, element: ValueType) -> (String, SourceSpan)? {
        switch item.content {
        case .scalar(let text, _): return (text, item.span)
        case .mapping(let pairs):
            guard case .object(let shape) = element, let key = shape.identity,
                let pair = pairs.first(where: { if case .scalar(key, _) = $0.key.content { true } else { false } }),
                case .scalar(let text, _) = pair.value.content
            else { return nil }
            return (text, pair.value.span)
        default: return nil
        }
    }

    private mutating func validateMap(
        _ node: YAMLNode, keyFormat: StringFormat, valueType: ValueType, path: String
    ) -> Located<Value>? {
        guard case .mapping(let pairs) = node.content else {
            diagnostics.error(.schemaWrongType, "'\(path)' must be a mapping, not \(node.kindDescription)", at: node.span)
            return nil
        }
        var entries: [Value.MapEntry] = []
        var valid = true
        for pair in pairs {
            guard let key = scalarKey(pair.key, path: path) else {
                valid = false
                continue
            }
            guard keyFormat.accepts(key) else {
                diagnostics.error(
                    .schemaBadValue, "key '\(key)' in '\(path)' is not \(keyFormat.noun)", at: pair.key.span,
                    hint: keyFormat.hint)
                valid = false
                continue
            }
            guard let value = validate(pair.value, as: valueType, path: "\(path).\(key)") else {
                valid = false
                continue
            }
            entries.append(Value.MapEntry(key: Located(key, at: pair.key.span), value: value))
        }
        return valid ? Located(.map(entries), at: node.span) : nil
    }

    // MARK: - Keys

    private mutating func scalarKey(_ node: YAMLNode, path: String) -> String? {
        guard case .scalar(let text, _) = node.content, node.tag == nil else {
            diagnostics.error(
                .schemaWrongType, "a key in '\(path.isEmpty ? "the document" : path)' is \(node.kindDescription), not a name",
                at: node.span, hint: "keys are plain names such as `name:`")
            return nil
        }
        return text
    }

    /// Reports the key; returns the field it probably meant.
    @discardableResult
    private mutating func unknownKey(_ key: String, at span: SourceSpan, shape: ObjectShape, path: String) -> String? {
        let known = shape.fields.map(\.key)
        let place = path.isEmpty ? shape.name : "'\(path)' (\(shape.name))"
        if key == "<<" {
            diagnostics.error(
                .schemaUnknownKey, "YAML merge keys ('<<') are not supported", at: span,
                hint: "write the keys out; platc keeps every value visible in its own file")
        } else if let suggestion = DidYouMean.suggest(key, from: known) {
            diagnostics.error(
                .schemaUnknownKey, "unknown key '\(key)' in \(place)", at: span, hint: "did you mean '\(suggestion)'?",
                replacement: suggestion)
            return suggestion
        } else {
            diagnostics.error(
                .schemaUnknownKey, "unknown key '\(key)' in \(place)", at: span,
                hint: "valid keys: " + known.joined(separator: ", "))
        }
        return nil
    }

    /// Where a document's own defaults point: its `kind:` key, else its first key.
    private func documentKey(_ node: YAMLNode) -> SourceSpan {
        if case .mapping(let pairs) = node.content,
            let kind = pairs.first(where: { if case .scalar("kind", _) = $0.key.content { true } else { false } })
        {
            return kind.key.span
        }
        return mappingHead(node)
    }

    /// Where "missing field" points: the first key of the mapping (the mapping node starts there).
    private func mappingHead(_ node: YAMLNode) -> SourceSpan {
        if case .mapping(let pairs) = node.content, let first = pairs.first { return first.key.span }
        return node.span
    }

    // MARK: - Messages

    mutating func wrongType(_ node: YAMLNode, expected: ValueType, path: String, hint: String? = nil) {
        diagnostics.error(
            .schemaWrongType, "'\(path)' must be \(expected.noun), not \(node.kindDescription)", at: node.span,
            hint: hint)
    }

    func placeholder(_ type: ValueType) -> String {
        switch type {
        case .object(let shape):
            // The required keys with example values: `{usd: 1000}`.
            "{" + shape.fields.filter(\.required).map { "\($0.key): \($0.example ?? placeholder($0.type))" }.joined(separator: ", ") + "}"
        case .map: "{…}"
        case .list: "[…]"
        case .oneOf(let words): words.first ?? "…"
        case .duration: "30s"
        case .quantity(.memory): "24Gi"
        case .quantity(.cpu): "4"
        case .usd: "100"
        case .fraction: "0.9"
        case .integer(let min, _): "\(max(min, 1))"
        case .boolean: "true"
        default: "…"
        }
    }
}
