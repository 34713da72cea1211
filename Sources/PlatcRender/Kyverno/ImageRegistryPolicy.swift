/// Every image a pod runs or mounts comes from an allowed registry and, when the platform requires
/// digests, is pinned by one: containers, initContainers (the modelcar sidecars),
/// ephemeralContainers (`kubectl debug`) and `image` volumes (modelcars from Kubernetes 1.35).
/// In every namespace platc renders (all carry `app.kubernetes.io/managed-by: platc`).
enum ImageRegistryPolicy {
    static func shape(_ context: RenderContext) -> ValidatingPolicyShape {
        let policy = context.platform.policy
        let registries = policy.allowedRegistries.map(\.value).sorted()
        // A registry admits what is under it only: `registry.example.com/` does not admit
        // `registry.example.com.evil.io/x`, and `…/ml/` does not admit `…/mlx/y`.
        let prefixes = CEL.list(registries.map { $0 + "/" })
        let written = registries.joined(separator: ", ")
        var validations: [ValidatingPolicyShape.Validation] = [
            .init(
                expression: "size(variables.foreign) == 0",
                message: "allowed registries: every container image and image volume must come from \(written).",
                messageExpression:
                    "variables.subject + ' uses images from outside the allowed registries (\(written)): '"
                    + " + variables.foreign.join(', ') + '; push them to an allowed registry and reference them there'")
        ]
        if policy.requireDigests.value {
            validations.append(
                .init(
                    expression: "size(variables.unpinned) == 0",
                    message: "image digests: every container image and image volume must be pinned by @sha256:<64 hex digits>.",
                    messageExpression:
                        "variables.subject + ' references images by tag, not digest: ' + variables.unpinned.join(', ')"
                        + " + '; pin each as image@sha256:<digest> (a tag can move, a digest cannot)'"))
        }
        return ValidatingPolicyShape(
            name: KyvernoNames.allowedImages,
            namespaceLabels: [KyvernoNames.managedByLabel],
            resources: ResourceRule.allWorkloads,
            variables: PodTemplateVariables.base + [
                (
                    "images",
                    "variables.containers.filter(c, has(c.image)).map(c, c.image)"
                        + " + (has(variables.podSpec.volumes) ? variables.podSpec.volumes"
                        + ".filter(v, has(v.image) && has(v.image.reference)).map(v, v.image.reference) : [])"
                ),
                ("foreign", "variables.images.filter(i, !\(prefixes).exists(r, i.startsWith(r)))"),
                ("unpinned", "variables.images.filter(i, !i.matches('@sha256:[0-9a-f]{64}$'))"),
            ],
            validations: validations)
    }
}
