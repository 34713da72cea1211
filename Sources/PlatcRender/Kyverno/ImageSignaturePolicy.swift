import PlatcFacts
import PlatcSpec

/// When the platform names a cosign public key: every image from the allowed registries must
/// carry a cosign signature made with that key. An `ImageValidatingPolicy` (Kyverno's CEL image
/// verification), in the same namespaces and mode as the image policy.
enum ImageSignaturePolicy {
    /// Kyverno's name for the image as written in the pod, in a `matchImageReferences` expression
    /// (`ImageRefKey`).
    static let imageReference = "ref"

    static let attestor = "platcCosignKey"

    static func object(_ context: RenderContext) -> KubeObject? {
        let platform = context.platform
        guard let key = platform.policy.cosignPublicKey?.value else { return nil }
        let registries = platform.policy.allowedRegistries.map(\.value).sorted()
        let spec: YAMLMap = [
            "validationActions": .list(ValidatingPolicyShape.validationActions(platform).map(YAMLValue.string)),
            // Fail closed: an unreachable registry or signature store is a violation, not a pass.
            "failurePolicy": "Fail",
            "matchConstraints": [
                "namespaceSelector": ["matchLabels": .sortedMap([KyvernoNames.managedByLabel])],
                "resourceRules": .list(ResourceRule.allWorkloads.map(\.yaml)),
            ],
            // The images this policy verifies: exactly those the image policy admits. Kyverno
            // matches the image as written (`vllm/x`, not `docker.io/vllm/x`), so a glob per
            // registry would miss other spellings; the expression reads it as the image policy
            // and `platc check` do (ImageNormalisation, AllowedRegistries).
            "matchImageReferences": [["expression": .string(AllowedRegistries(registries).celCovers(image: imageReference))]],
            "attestors": [["name": .string(attestor), "cosign": ["key": ["data": .string(key)]]]],
            // Written out because the CRD defaults them: no mutation of the digest (platc pins
            // digests in Git; a webhook rewriting images would make Argo CD see drift), the
            // digest is verified, and every matched image must be verified.
            "validationConfigurations": ["mutateDigest": false, "required": true, "verifyDigest": true],
            "validations": [
                [
                    "expression": .string(
                        "images.all(kind, images[kind].all(image, verifyImageSignatures(image, [attestors.\(attestor)]) > 0))"),
                    "message":
                        "image signatures: every image from \(registries.joined(separator: ", ")) must be signed with the platform's cosign key (platform.policy.cosignPublicKey); sign it with `cosign sign --key`.",
                ]
            ],
            // Admission only: a background scan would query every registry on every scan, and an
            // image admitted once does not change under its digest.
            "evaluation": ["admission": ["enabled": true], "background": ["enabled": false]],
        ]
        return KubeObject(
            KyvernoNames.apiVersion, KyvernoNames.imageValidatingPolicy, name: KyvernoNames.imageSignatures,
            labels: context.commonLabels, body: ["spec": .map(spec)], sources: [context.platformSource])
    }
}
