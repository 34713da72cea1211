import CLibYAML

/// Why a file could not be composed into one node tree. Each carries the span to point at.
public enum YAMLProblem: Sendable, Equatable {
    case syntax(message: String, span: SourceSpan)
    case duplicateKey(key: String, span: SourceSpan, first: SourceSpan)
    case aliasExpansion(limit: Int, span: SourceSpan)
    case nestingDepth(limit: Int, span: SourceSpan)
    case undefinedAlias(name: String, span: SourceSpan)
    case multipleDocuments(span: SourceSpan)
    case empty(span: SourceSpan)
}

/// Composes libyaml's event stream into a `YAMLNode` tree, and does what libyaml leaves to us:
/// duplicate keys (reported at the *second* occurrence), a budget on alias expansion ("billion
/// laughs"), a nesting limit, and one document per file.
public struct YAMLComposer {
    public struct Limits: Sendable {
        /// Nodes that aliases may add to a document beyond its own.
        public var aliasExpansion: Int = 10_000
        /// Mappings and sequences nested inside each other.
        public var nestingDepth: Int = 64

        public init() {}
    }

    public struct Result: Sendable {
        public var root: YAMLNode?
        /// Fatal problems stop composition (root is nil); duplicate keys do not.
        public var problems: [YAMLProblem]
    }

    let file: String
    let limits: Limits

    public init(file: String, limits: Limits = Limits()) {
        self.file = file
        self.limits = limits
    }

    /// Composes UTF-8 bytes (no BOM) that hold at most one document.
    public func compose(_ bytes: [UInt8]) -> Result {
        var state = State(composer: self)
        bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) != 0 else {
                state.problems.append(.syntax(message: "libyaml could not start", span: .file(file)))
                return
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while !state.finished {
                guard yaml_parser_parse(&parser, &event) != 0 else {
                    state.problems.append(syntaxProblem(parser))
                    state.root = nil
                    return
                }
                state.handle(event)
                yaml_event_delete(&event)
            }
        }
        if let root = state.root, root.isNull { state.root = nil }  // `---` or `~` alone: no content
        if state.root == nil, !state.problems.contains(where: \.isFatal) {
            state.problems.append(.empty(span: .file(file)))
        }
        return Result(root: state.problems.contains(where: \.isFatal) ? nil : state.root, problems: state.problems)
    }

    private func syntaxProblem(_ parser: yaml_parser_t) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(problem) (\(context) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
        }
        return .syntax(message: message, span: span(parser.problem_mark, parser.problem_mark, minWidth: 1))
    }

    func span(_ start: yaml_mark_t, _ end: yaml_mark_t, minWidth: Int = 0) -> SourceSpan {
        let location = SourceLocation(file: file, line: Int(start.line) + 1, column: Int(start.column) + 1)
        var endLine = Int(end.line) + 1, endColumn = Int(end.column) + 1
        if endLine == location.line, endColumn < location.column + minWidth { endColumn = location.column + minWidth }
        if endLine < location.line { endLine = location.line }
        return SourceSpan(start: location, endLine: endLine, endColumn: endColumn)
    }
}

extension YAMLProblem {
    var isFatal: Bool {
        if case .duplicateKey = self { return false }
        return true
    }

    public var span: SourceSpan {
        switch self {
        case .syntax(_, let span), .duplicateKey(_, let span, _), .aliasExpansion(_, let span),
            .nestingDepth(_, let span), .undefinedAlias(_, let span), .multipleDocuments(let span),
            .empty(let span):
            return span
        }
    }
}

// MARK: - Event handling

private struct State {
    /// A mapping or sequence being built.
    struct Open {
        var isMapping: Bool
        /// `{…}` or `[…]`: it ends at its closing bracket; a block collection ends with its last item.
        var isFlow: Bool
        var start: SourceSpan
        var tag: String?
        var anchor: String?
        var items: [YAMLNode] = []
        var weight = 1
    }

    let composer: YAMLComposer
    var stack: [Open] = []
    var anchors: [String: YAMLNode] = [:]
    var root: YAMLNode?
    var problems: [YAMLProblem] = []
    var documents = 0
    var aliasNodes = 0
    var finished = false

    init(composer: YAMLComposer) { self.composer = composer }

    mutating func handle(_ event: yaml_event_t) {
        let span = composer.span(event.start_mark, event.end_mark)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            finished = true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 { fail(.multipleDocuments(span: composer.span(event.start_mark, event.start_mark, minWidth: 3))) }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = string(scalar.value, length: scalar.length)
            let node = YAMLNode(
                content: .scalar(text, style(scalar.style)), span: span, tag: optionalString(scalar.tag), weight: 1)
            register(anchor: optionalString(scalar.anchor), node)
            add(node)
        case YAML_ALIAS_EVENT:
            let name = optionalString(event.data.alias.anchor) ?? ""
            // The aliased content keeps the anchor's spans: errors in it point at the definition.
            guard let node = anchors[name] else { return fail(.undefinedAlias(name: name, span: span)) }
            aliasNodes += node.weight
            if aliasNodes > composer.limits.aliasExpansion {
                return fail(.aliasExpansion(limit: composer.limits.aliasExpansion, span: span))
            }
            add(node)
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
            if stack.count >= composer.limits.nestingDepth {
                return fail(
                    .nestingDepth(limit: composer.limits.nestingDepth, span: composer.span(event.start_mark, event.start_mark, minWidth: 1))
                )
            }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            let isFlow =
                isMapping
                ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
            stack.append(
                Open(isMapping: isMapping, isFlow: isFlow, start: span, tag: optionalString(tag), anchor: optionalString(anchor)))
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            guard let open = stack.popLast() else { return }
            var nodeSpan = open.start
            // libyaml ends a block collection where the next token starts, past blank lines and
            // comments; end it with its last item instead, so an underline never runs on into them.
            if !open.isFlow, let last = open.items.last,
                (last.span.endLine, last.span.endColumn) >= (nodeSpan.start.line, nodeSpan.start.column)
            {
                nodeSpan.endLine = last.span.endLine
                nodeSpan.endColumn = last.span.endColumn
            } else {
                nodeSpan.endLine = Int(event.end_mark.line) + 1
                nodeSpan.endColumn = Int(event.end_mark.column) + 1
            }
            let content: YAMLNode.Content
            if open.isMapping {
                content = .mapping(pairs(open.items))
            } else {
                content = .sequence(open.items)
            }
            let node = YAMLNode(content: content, span: nodeSpan, tag: open.tag, weight: open.weight)
            register(anchor: open.anchor, node)
            add(node)
        default:
            break
        }
    }

    private mutating func fail(_ problem: YAMLProblem) {
        problems.append(problem)
        finished = true
    }

    private mutating func register(anchor: String?, _ node: YAMLNode) {
        if let anchor { anchors[anchor] = node }
    }

    private mutating func add(_ node: YAMLNode) {
        if stack.isEmpty {
            if root == nil { root = node }
            return
        }
        stack[stack.count - 1].items.append(node)
        stack[stack.count - 1].weight += node.weight
    }

    /// Pairs up keys and values; reports a repeated scalar key at its second occurrence.
    private mutating func pairs(_ items: [YAMLNode]) -> [YAMLNode.Pair] {
        var result: [YAMLNode.Pair] = []
        var firstSeen: [String: SourceSpan] = [:]
        var index = 0
        while index + 1 < items.count {
            let key = items[index], value = items[index + 1]
            index += 2
            if case .scalar(let text, _) = key.content {
                if let first = firstSeen[text] {
                    problems.append(.duplicateKey(key: text, span: key.span, first: first))
                    continue
                }
                firstSeen[text] = key.span
            }
            result.append(YAMLNode.Pair(key: key, value: value))
        }
        return result
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
