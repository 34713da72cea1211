/// Reads one YAML file into a validated document of a known kind: encoding, syntax, limits,
/// `apiVersion`, `kind`, the kind's shape. Every problem becomes a diagnostic.
struct DocumentReader {
    struct Document: Sendable {
        var kind: Kind
        var path: String
        /// nil when the document has schema errors (already reported).
        var value: Located<Value>?
        /// The name as written, with its span, when it is a DNS label: checked against the file
        /// name and other documents even when the rest of the document has errors.
        var name: Located<String>?
    }

    let limits: SourceLimits
    var diagnostics = DiagnosticCollector()
    var sources = SourceFiles()

    init(limits: SourceLimits) { self.limits = limits }

    mutating func read(_ file: SourceTree.File) -> Document? {
        let path = file.path
        if diagnostics.reportOversized(file, limit: limits.fileSize, hint: "platform files are small; split or trim this one") {
            return nil
        }
        let text: SourceText
        switch SourceText.decode(file.bytes, file: path) {
        case .failure(let invalid):
            // Show the line with the bad bytes replaced, so the caret has something to point at.
            sources.add(path: path, text: String(decoding: file.bytes, as: UTF8.self))
            let utf16 = file.bytes.starts(with: [0xFF, 0xFE]) || file.bytes.starts(with: [0xFE, 0xFF])
            diagnostics.error(
                .yamlInvalidUTF8, "file is not valid UTF-8" + (utf16 ? " (it starts with a UTF-16 byte order mark)" : ""),
                at: .point(invalid.location), hint: "save the file as UTF-8")
            return nil
        case .success(let decoded): text = decoded
        }
        sources.add(path: path, text: text.text)

        let composed = YAMLComposer(file: path, limits: limits.yaml).compose(text.bytes)
        for problem in composed.problems { report(problem, text: text, path: path) }
        guard let root = composed.root else { return nil }
        return classify(root, path: path)
    }

    private mutating func report(_ problem: YAMLProblem, text: SourceText, path: String) {
        switch problem {
        case .syntax(let message, let span):
            let tabs = text.tabIndentation(file: path)
            if tabs.isEmpty {
                diagnostics.error(.yamlSyntax, message, at: span, hint: Self.syntaxHint(message))
            }
            for tab in tabs {
                diagnostics.error(
                    .yamlTabIndentation, "tab character in indentation", at: .point(tab),
                    hint: "indent with spaces; YAML does not allow tabs here")
            }
        case .duplicateKey(let key, let span, let first):
            diagnostics.error(
                .yamlDuplicateKey, "duplicate key '\(key)'", at: span, notes: [.init("first defined here", at: first)],
                hint: "remove one of them; YAML forbids repeated keys and other tools keep the last silently")
        case .aliasExpansion(let limit, let span):
            diagnostics.error(
                .limitAliasExpansion, "aliases expand to more than \(limit) nodes", at: span,
                hint: "write the values out instead of aliasing aliases")
        case .nestingDepth(let limit, let span):
            diagnostics.error(.limitNestingDepth, "nesting deeper than \(limit) levels", at: span, hint: "flatten the structure")
        case .undefinedAlias(let name, let span):
            diagnostics.error(
                .yamlUndefinedAlias, "alias '*\(name)' refers to no anchor", at: span,
                hint: "define '&\(name)' before using it, or write the value out")
        case .multipleDocuments(let span):
            diagnostics.error(
                .yamlMultipleDocuments, "a second YAML document starts here", at: span,
                hint: "put one document in each file, named after it")
        case .empty(let span):
            diagnostics.error(.yamlEmptyFile, "file holds no YAML document", at: span, hint: "write the document or delete the file")
        }
    }

    /// Finds `apiVersion` and `kind`, checks the folder, then validates against the kind's shape.
    private mutating func classify(_ root: YAMLNode, path: String) -> Document? {
        guard case .mapping(let pairs) = root.content else {
            diagnostics.error(
                .schemaWrongType, "a document must be a mapping, not \(root.kindDescription)", at: root.span,
                hint: "start with `apiVersion: \(Kind.apiVersion)`, `kind: …` and `name: …`")
            return nil
        }
        func value(of key: String) -> YAMLNode? {
            pairs.first { if case .scalar(key, _) = $0.key.content { true } else { false } }?.value
        }
        let folder = String(path.prefix { $0 != "/" })
        let allowed = Kind.allowed(inFolder: folder).map(\.rawValue)
        guard let kindNode = value(of: "kind") else {
            diagnostics.error(
                .schemaMissingField, "missing required field 'kind'", at: pairs.first?.key.span ?? root.span,
                hint: "add `kind: \(allowed.joined(separator: "` or `kind: "))`")
            return nil
        }
        guard case .scalar(let kindText, _) = kindNode.content else {
            diagnostics.error(
                .schemaWrongType, "'kind' must be a string, not \(kindNode.kindDescription)", at: kindNode.span,
                hint: "write `kind: \(allowed.first ?? "Tenant")`")
            return nil
        }
        guard let kind = Kind(rawValue: kindText) else {
            let suggestion = DidYouMean.suggest(kindText, from: Kind.allCases.map(\.rawValue))
            diagnostics.error(
                .schemaUnknownKind, "unknown kind '\(kindText)'", at: kindNode.span,
                hint: suggestion.map { "did you mean '\($0)'?" } ?? "kinds are Platform, GPUClass, Tenant and Model",
                replacement: suggestion)
            return nil
        }
        guard kind.folder == folder else {
            diagnostics.error(
                .sourceWrongFolder, "a \(kind.rawValue) does not belong in \(folder)/", at: kindNode.span,
                hint: "move this file to \(kind.folder)/; \(folder)/ holds \(allowed.joined(separator: " and "))")
            return nil
        }
        guard checkAPIVersion(value(of: "apiVersion"), kindSpan: kindNode.span) else { return nil }

        var validator = ShapeValidator()
        let validated = validator.validate(root, as: .object(kind.shape), path: "")
        diagnostics.append(contentsOf: validator.diagnostics.diagnostics)
        var name: Located<String>?
        if let node = value(of: "name"), case .scalar(let text, _) = node.content, StringFormat.isDNSLabel(text) {
            name = Located(text, at: node.span)
        }
        return Document(kind: kind, path: path, value: validated, name: name)
    }

    private mutating func checkAPIVersion(_ node: YAMLNode?, kindSpan: SourceSpan) -> Bool {
        let supported = Kind.supportedAPIVersions.joined(separator: ", ")
        guard let node else {
            diagnostics.error(
                .schemaAPIVersion, "missing 'apiVersion'", at: kindSpan, hint: "add `apiVersion: \(Kind.apiVersion)`",
                replacement: nil)
            return false
        }
        guard case .scalar(let text, _) = node.content, Kind.supportedAPIVersions.contains(text) else {
            let written = if case .scalar(let text, _) = node.content { "'\(text)'" } else { node.kindDescription }
            diagnostics.error(
                .schemaAPIVersion, "unsupported apiVersion \(written)", at: node.span,
                hint: "this platc reads \(supported)", replacement: Kind.apiVersion)
            return false
        }
        return true
    }

    /// libyaml's messages say what the parser expected, not what the author did; these are the
    /// usual causes.
    static func syntaxHint(_ message: String) -> String? {
        if message.hasPrefix("mapping values are not allowed") {
            return "quote a value that contains ': ', or check this line's indentation"
        }
        if message.hasPrefix("did not find expected ',' or '}'") { return "close the flow mapping with '}'" }
        if message.hasPrefix("did not find expected ',' or ']'") { return "close the flow list with ']'" }
        if message.hasPrefix("found character that cannot start any token") {
            return "quote a value that starts with '@', '`' or '%'"
        }
        if message.hasPrefix("could not find expected ':'") { return "a key needs ': ' after it" }
        if message.hasPrefix("found unexpected end of stream") { return "close the open quote or bracket" }
        if message.hasPrefix("did not find expected key") || message.hasPrefix("did not find expected '-'") {
            return "check the indentation of this line against the lines above"
        }
        return nil
    }
}
