extension Rule {
    public static let schemaExclusiveFields = Rule(
        id: "schema/exclusive-fields",
        summary: "A mapping sets two fields of which only one may be written (an env variable's `value` and `valueFrom`).",
        rationale:
            "An environment variable is either a literal value or a reference to a Secret; Kubernetes refuses both at once, and platc says so before a manifest is written.",
        example: """
            models/llama.yaml
            serving:
              env:
                - name: HF_TOKEN
                  value: "1"
                  valueFrom: {secretKeyRef: {name: hf-token, key: token}}
            """,
        fix: "Keep one of the two fields.")
}
