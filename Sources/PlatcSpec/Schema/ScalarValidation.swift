extension ShapeValidator {
    /// Reads a scalar by the type its field declares. Plain scalars are typed by the field, not by
    /// YAML's implicit resolution: `version: 0.10` stays the string "0.10", and `no` is not false.
    mutating func validateScalar(_ node: YAMLNode, as type: ValueType, path: String) -> Located<Value>? {
        guard case .scalar(let text, let style) = node.content else {
            wrongType(node, expected: type, path: path)
            return nil
        }
        if node.isNull {
            wrongType(node, expected: type, path: path, hint: "give '\(path)' a value or remove the key")
            return nil
        }
        let span = node.span
        let quoted = style != .plain
        func located(_ value: Value) -> Located<Value> { Located(value, at: span) }

        switch type {
        case .string(let format):
            guard format.accepts(text) else {
                // Names become Kubernetes object names: their own rule, so users can find the rules on naming.
                let rule: Rule = format == .dnsLabel ? .schemaInvalidName : .schemaBadValue
                diagnostics.error(rule, "'\(path)' is not \(format.noun): '\(text)'", at: span, hint: format.hint)
                return nil
            }
            return located(.string(text))

        case .oneOf(let words):
            guard words.contains(text) else {
                let suggestion = DidYouMean.suggest(text, from: words)
                diagnostics.error(
                    .schemaBadValue, "'\(path)' must be one of \(words.joined(separator: ", ")); got '\(text)'", at: span,
                    hint: suggestion.map { "did you mean '\($0)'?" }, replacement: suggestion)
                return nil
            }
            return located(.string(text))

        case .boolean:
            guard !quoted, text == "true" || text == "false" else {
                let hint =
                    ["yes", "no", "on", "off", "True", "False", "TRUE", "FALSE", "y", "n"].contains(text)
                    ? "write true or false (YAML 1.1 spellings like '\(text)' are ambiguous)" : "write true or false"
                wrongType(node, expected: type, path: path, hint: hint)
                return nil
            }
            return located(.boolean(text == "true"))

        case .integer(let min, let max):
            guard !quoted else { return quotedNumber(node, type: type, path: path, text: text) }
            if let problem = nonFinite(text) { return badNumber(span, path: path, problem) }
            guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }), !text.isEmpty else {
                if Double(text) != nil {
                    return badNumber(span, path: path, "'\(path)' must be a whole number, not \(text)", hint: "drop the fraction")
                }
                wrongType(node, expected: type, path: path)
                return nil
            }
            guard let value = Int64(text) else {
                return badNumber(span, path: path, "\(text) is too large for '\(path)'", hint: "use a number up to \(max)")
            }
            guard value >= min, value <= max else { return outOfRange(span, path: path, text, min: "\(min)", max: "\(max)") }
            return located(.integer(value))

        case .decimal(let min, let max):
            guard !quoted else { return quotedNumber(node, type: type, path: path, text: text) }
            if let problem = nonFinite(text) { return badNumber(span, path: path, problem) }
            guard let value = Double(text), value.isFinite, text.first.map({ $0.isNumber || $0 == "-" }) == true else {
                wrongType(node, expected: type, path: path)
                return nil
            }
            guard value >= min, value <= max else { return outOfRange(span, path: path, text, min: "\(min)", max: "\(max)") }
            return located(.decimal(value))

        case .usd, .fraction:
            guard !quoted else { return quotedNumber(node, type: type, path: path, text: text) }
            if let problem = nonFinite(text) { return badNumber(span, path: path, problem) }
            let parsed: Result<Value, UnitError> =
                if case .usd = type { USD.parse(text).map(Value.usd) } else { Fraction.parse(text).map(Value.fraction) }
            switch parsed {
            case .success(let value): return located(value)
            case .failure(let error):
                diagnostics.error(.schemaBadNumber, "'\(path)': \(error.message)", at: span, hint: error.hint)
                return nil
            }

        case .duration, .quantity:
            let parsed: Result<Value, UnitError> =
                if case .quantity(let kind) = type {
                    Quantity.parse(text, kind: kind).map(Value.quantity)
                } else {
                    Duration.parse(text).map(Value.duration)
                }
            switch parsed {
            case .success(let value): return located(value)
            case .failure(let error):
                if text.hasPrefix("-") {
                    return badNumber(span, path: path, "'\(path)' is negative: \(text)", hint: "use a value of zero or more")
                }
                if let problem = nonFinite(text) { return badNumber(span, path: path, problem) }
                diagnostics.error(.schemaBadUnit, "'\(path)': \(error.message)", at: span, hint: error.hint)
                return nil
            }

        case .object, .list, .map:
            wrongType(node, expected: type, path: path)
            return nil
        }
    }

    /// YAML's spellings of NaN and infinity, and numbers too big for a double.
    private func nonFinite(_ text: String) -> String? {
        let lowered = text.lowercased()
        if [".nan", "nan"].contains(lowered) { return "NaN is not a number platc accepts" }
        if [".inf", "+.inf", "-.inf", "inf", "-inf", "+inf", "infinity", "-infinity"].contains(lowered) {
            return "infinity is not a number platc accepts"
        }
        if let value = Double(text), !value.isFinite { return "\(text) overflows" }
        return nil
    }

    private mutating func badNumber(_ span: SourceSpan, path: String, _ message: String, hint: String? = nil) -> Located<Value>? {
        let message = message.contains(path) ? message : "'\(path)': \(message)"
        diagnostics.error(.schemaBadNumber, message, at: span, hint: hint ?? "write a finite number")
        return nil
    }

    private mutating func outOfRange(_ span: SourceSpan, path: String, _ text: String, min: String, max: String) -> Located<Value>? {
        let negative = text.hasPrefix("-")
        let message = negative ? "'\(path)' is negative: \(text)" : "'\(path)' is out of range: \(text)"
        diagnostics.error(.schemaBadNumber, message, at: span, hint: "use a value from \(min) to \(max)")
        return nil
    }

    private mutating func quotedNumber(_ node: YAMLNode, type: ValueType, path: String, text: String) -> Located<Value>? {
        wrongType(node, expected: type, path: path, hint: "remove the quotes: write \(path.split(separator: ".").last ?? ""): \(text)")
        return nil
    }
}
