import PlatcFacts

/// Every image a pod runs or mounts comes from an allowed registry and, when the platform requires
/// digests, is pinned by one: containers, initContainers (the modelcar sidecars),
/// ephemeralContainers (`kubectl debug`) and `image` volumes (modelcars from Kubernetes 1.35).
/// In every namespace platc renders (all carry `app.kubernetes.io/managed-by: platc`).
enum ImageRegistryPolicy {
    static func shape(_ context: RenderContext) -> ValidatingPolicyShape {
        let policy = context.platform.policy
        let registries = policy.allowedRegistries.map(\.value).sorted()
        // The check's reading of images and entries (ImageNormalisation, AllowedRegistries), as CEL.
        let allowed = AllowedRegistries(registries)
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
        let images: PodTemplateVariables.Variable = (
            "images",
            "variables.containers.filter(c, has(c.image)).map(c, c.image)"
                + " + (has(variables.podSpec.volumes) ? variables.podSpec.volumes"
                + ".filter(v, has(v.image) && has(v.image.reference)).map(v, v.image.reference) : [])"
        )
        let foreign: PodTemplateVariables.Variable = (
            "foreign", "variables.\(repositories).filter(r, !\(allowed.celCovers("r.path"))).map(r, r.image)"
        )
        let unpinned: PodTemplateVariables.Variable = ("unpinned", "variables.images.filter(i, !\(ImageNormalisation.celIsPinned("i")))")
        return ValidatingPolicyShape(
            name: KyvernoNames.allowedImages,
            namespaceLabels: [KyvernoNames.managedByLabel],
            resources: ResourceRule.allWorkloads,
            variables: PodTemplateVariables.base + [images] + normalisation + [foreign, unpinned],
            validations: validations)
    }

    /// One variable per step of `ImageNormalisation.steps`, named after it: the images as
    /// `{image, path}`, the image as written (for messages) and its path after that step. A
    /// variable per step keeps each expression small, as CEL in Kubernetes has no `bind`.
    static var normalisation: [PodTemplateVariables.Variable] {
        var previous = "images"
        return ImageNormalisation.steps.map { step in
            let expression =
                previous == "images"
                ? "variables.images.map(i, {'image': i, 'path': \(step.rewrite.cel("i"))})"
                : "variables.\(previous).map(r, {'image': r.image, 'path': \(step.rewrite.cel("r.path"))})"
            previous = step.name
            return (step.name, expression)
        }
    }

    /// The variable that holds each image's repository, after the last step.
    static let repositories = ImageNormalisation.steps.last!.name
}
