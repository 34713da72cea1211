import PlatcFacts
import PlatcSpec

public enum MasterKeyUnused: CheckRule {
    public static let rule = Rule(
        id: "quota/master-key-unused",
        severity: .warning,
        summary: "The platform writes `litellm.masterKeyRef` but no `litellm.image`, so no object platc renders reads the key.",
        rationale:
            "platc reads the master key only in the team reconciler Job, which runs in `litellm.image`. Without the image there "
            + "is no Job, and the reference is silently ignored: whoever wrote it expects the teams, budgets and rate limits "
            + "to be reconciled with that key, and they are not.",
        example: """
            platform/lab.yaml
            litellm:
              masterKeyRef: {name: litellm-admin, key: MASTER_KEY}   # no image:
            """,
        fix: "Set `litellm.image` (the LiteLLM image, pinned by digest) so the reconciler runs with the key, or remove `masterKeyRef`.")

    public static func check(_ context: inout CheckContext) {
        let litellm = context.spec.platform.litellm
        guard litellm.image == nil, let span = litellm.masterKeyRefSpan else { return }
        context.diagnostics.warning(
            Self.rule,
            "litellm.masterKeyRef names Secret '\(litellm.masterKeyRef.name.value)', key '\(litellm.masterKeyRef.key.value)', "
                + "but without litellm.image platc renders no team reconciler, the only reader of the key",
            at: span,
            hint: "remove masterKeyRef, or set litellm.image to the LiteLLM image, pinned by digest, so the reconciler runs with the key")
    }
}
