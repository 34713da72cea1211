extension Rule {
    public static let schemaBadUnit = Rule(
        id: "schema/bad-unit",
        summary: "A duration or quantity has no unit or an unknown one.",
        rationale:
            "`30` could mean seconds or milliseconds, `24GB` is not a Kubernetes quantity; units are explicit so nobody has to guess.",
        example: """
            platform/lab.yaml
            timeouts:
              client: 600
            """,
        fix: "Write the unit: 250ms, 30s, 5m, 1h for durations; Mi, Gi for memory; m for millicores.")
}
