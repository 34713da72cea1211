import PlatcFacts
import PlatcSpec

public enum InlineSecret: CheckRule {
    public static let rule = Rule(
        id: "policy/inline-secret",
        summary:
            "A source file (comments and vendored config.json included) holds what looks like an API key, token, private key or password.",
        rationale:
            "Everything in the platform repository is read by everyone who can read the repository, its forks and its CI "
            + "logs, and stays in Git history after it is deleted. Secrets are referenced (a Kubernetes Secret, LiteLLM's "
            + "os.environ/), never written. Messages show only the first four characters.",
        example: """
            platform/lab.yaml
            argocd:
              repoURL: https://deploy:s3cr3t-pa55@git.example.com/platform/llm.git
            """,
        fix:
            "Delete the secret, revoke or rotate it (it stays in Git history), and reference it instead: a repository Secret "
            + "for Argo CD, a Kubernetes Secret for keys and passwords.")

    public static func check(_ context: inout CheckContext) {
        for diagnostic in scanText(of: context.sources) { context.diagnostics.emit(diagnostic) }
        checkConfigs(&context)
        checkEnvironments(&context)
    }

    /// A model's `serving.env` item whose name says secret (`HF_TOKEN`, `DB_PASSWORD`) and whose
    /// `value` is literal: the text scan sees only `value: …`, a key that says nothing. Values
    /// in a known token format are the text scan's already.
    private static func checkEnvironments(_ context: inout CheckContext) {
        for model in context.spec.models {
            for variable in model.serving.env {
                guard let value = variable.value, SecretAssignment.isSecretKey(variable.name.value),
                    SecretAssignment.isLiteralSecret(value.value), SecretScanner.scan(value.value).isEmpty
                else { continue }
                let scalars = Array(value.value.unicodeScalars)
                let finding = SecretFinding(SecretAssignment.kind(variable.name.value), 0..<scalars.count, in: scalars)
                var diagnostic = Diagnostic(
                    .error, rule: Self.rule, "inline secret: this looks like \(finding.kind.name) (\(finding.shown))",
                    at: value.span,
                    hint:
                        "delete it and \(finding.kind.revoke): it stays in Git history; keep it in a Kubernetes Secret and reference it with valueFrom.secretKeyRef"
                )
                diagnostic.redactions = [value.span]
                context.diagnostics.emit(diagnostic)
            }
        }
    }

    /// The YAML sources' own text, line by line: this needs no Spec, so it also runs when the
    /// sources do not load, and a secret in a misspelt field is still an error (and masked).
    static func scanText(of sources: SourceFiles) -> [Diagnostic] {
        // Files go to every core; findings join in path order.
        Parallel.map(sources.paths.filter(SourceTree.isDocument)) { path in scan(path, sources.lines(of: path)) }
            .flatMap { $0 }
    }

    private static func scan(_ path: String, _ lines: [Substring]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (offset, line) in lines.enumerated() {
            let findings = SecretScanner.scan(line)
            let spans = findings.map { finding in
                SourceSpan(
                    start: SourceLocation(file: path, line: offset + 1, column: finding.range.lowerBound + 1),
                    endLine: offset + 1, endColumn: finding.range.upperBound + 1)
            }
            for (finding, span) in zip(findings, spans) {
                var diagnostic = Diagnostic(
                    .error, rule: Self.rule, "inline secret: this looks like \(finding.kind.name) (\(finding.shown))",
                    at: span, hint: hint(finding))
                // The source line under the message would print the secrets again.
                diagnostic.redactions = spans
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }

    /// config.json files are read into the Spec, not kept as text: their string values are
    /// scanned, and a finding points at the model's `source.config`.
    private static func checkConfigs(_ context: inout CheckContext) {
        var seen = Set<String>()
        for model in context.spec.models where seen.insert(model.config.path).inserted {
            for (keyPath, key, value) in strings(in: model.config.json, at: "") {
                var findings = SecretScanner.scan(value)
                let scalars = Array(value.unicodeScalars)
                if findings.isEmpty, SecretAssignment.isSecretKey(key), SecretAssignment.isLiteralSecret(value) {
                    findings = [SecretFinding(SecretAssignment.kind(key), 0..<scalars.count, in: scalars)]
                }
                for finding in findings {
                    context.diagnostics.error(
                        Self.rule,
                        "inline secret in \(model.config.path) at '\(keyPath)': this looks like \(finding.kind.name) (\(finding.shown))",
                        at: model.source.config.span, hint: hint(finding))
                }
            }
        }
    }

    /// Every string in a JSON value with its path (`quantization_config.token`) and its own key.
    private static func strings(in json: JSONValue, at path: String, key: String = "") -> [(String, String, String)] {
        switch json {
        case .string(let text): return [(path, key, text)]
        case .array(let items):
            return items.enumerated().flatMap { strings(in: $0.element, at: "\(path)[\($0.offset)]", key: key) }
        case .object(let pairs):
            return pairs.flatMap { strings(in: $0.1, at: path.isEmpty ? $0.0 : "\(path).\($0.0)", key: $0.0) }
        default: return []
        }
    }

    private static func hint(_ finding: SecretFinding) -> String {
        let reference = finding.withoutSecret.map { "write '\($0)' and give the password to its client as a Secret" }
        return "delete it and \(finding.kind.revoke): it stays in Git history; "
            + (reference ?? "keep it in a Kubernetes Secret and reference that")
    }
}
