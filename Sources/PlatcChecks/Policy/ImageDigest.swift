import PlatcFacts
import PlatcSpec

public enum ImageDigest: CheckRule {
    public static let rule = Rule(
        id: "policy/image-digest",
        summary:
            "An image is not pinned by `@sha256:` digest (weight images must always be; other images when "
            + "`policy.requireDigests` is true).",
        rationale:
            "A tag can move: nodes pulling at different times run different bytes, and with imagePullPolicy IfNotPresent a "
            + "node keeps whatever it pulled first. Weights are mounted as image volumes and cached per node, so a modelcar "
            + "or adapter is pinned whatever the policy says; admission policy rejects the rest when requireDigests is set.",
        example: """
            models/llama.yaml
            source:
              modelcar: registry.example.com/models/llama:v1
            """,
        fix: "Append the image's digest (`crane digest <image>` prints it): `registry.example.com/models/llama:v1@sha256:<64 hex>`.")

    public static func check(_ context: inout CheckContext) {
        check(ImageUse.all(in: context.spec), &context)
    }

    private static func check(_ images: [ImageUse], _ context: inout CheckContext) {
        let policy = context.spec.platform.policy
        for use in images {
            // The rendered policy's test (ImageNormalisation.celIsPinned), so they agree on every image.
            guard ImageReference.parse(use.image.value) != nil, !ImageNormalisation.isPinned(use.image.value),
                use.holdsWeights || policy.requireDigests.value
            else { continue }
            let why: Diagnostic.Note =
                use.holdsWeights
                ? .init(
                    "weights are pinned whatever policy.requireDigests says: with a tag each node keeps the weights it pulled first")
                : requirement(policy.requireDigests)
            context.diagnostics.error(
                Self.rule, "\(use.role) is not pinned by digest: '\(use.image.value)'", at: use.image.span, notes: [why],
                hint: Diagnostic.noSingleValue(
                    "write '\(use.image.value)@sha256:<64 hex digits>' with the digest `crane digest \(use.image.value)` prints"))
        }
    }

    /// Points at `requireDigests: true`, or at `policy:` when the default applies (the diagnostic
    /// adds "(absent; default true)").
    private static func requirement(_ flag: Located<Bool>) -> Diagnostic.Note {
        .init(flag.span.isAbsent ? "policy.requireDigests is true" : "policy.requireDigests is true here", at: flag.span)
    }
}
