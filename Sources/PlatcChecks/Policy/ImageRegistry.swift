import PlatcFacts
import PlatcSpec

public enum ImageRegistry: CheckRule {
    public static let rule = Rule(
        id: "policy/image-registry",
        summary: "An image comes from a registry (and path) that no entry of `policy.allowedRegistries` covers.",
        rationale:
            "Admission policy rejects pods whose images come from elsewhere, so the model would never start. Entries match "
            + "whole path components, and an image without a registry host is pulled from Docker Hub (docker.io).",
        example: """
            models/llama.yaml
            serving:
              engine:
                image: vllm/vllm-openai@sha256:…   # docker.io; allowedRegistries: [registry.example.com]
            """,
        fix: "Mirror the image into an allowed registry, or add its registry (or registry/namespace) to `policy.allowedRegistries`.")

    public static func check(_ context: inout CheckContext) {
        check(ImageUse.all(in: context.spec), &context)
    }

    private static func check(_ images: [ImageUse], _ context: inout CheckContext) {
        let allowed = context.spec.platform.policy.allowedRegistries
        let registries = AllowedRegistries(allowed.map(\.value))
        guard let firstAllowed = allowed.first else { return }
        let listed = allowed.map(\.value).joined(separator: ", ")
        for use in images {
            // The same reading as the rendered policy's (ImageNormalisation), so what passes here is admitted there.
            guard let reference = ImageReference.parse(use.image.value),
                let repository = ImageNormalisation.repository(of: use.image.value), !registries.covers(repository)
            else { continue }
            let hubNote = ImageNormalisation.namesNoHost(use.image.value) ? " (no registry host means Docker Hub)" : ""
            let components = repository.split(separator: "/").map(String.init)
            var fixes: [String] = []
            let mirrored = mirror(reference, components: components, into: firstAllowed.value)
            if let mirrored { fixes.append("mirror it: '\(mirrored)'") }
            let owner = components.prefix(min(2, components.count - 1)).joined(separator: "/")
            fixes.append("add '\(owner)' to policy.allowedRegistries")
            context.diagnostics.error(
                Self.rule,
                "\(use.role) is pulled from '\(repository)'\(hubNote), which no allowed registry covers (\(listed))",
                at: use.image.span, notes: [.init("the allowed registries are listed here", at: firstAllowed.span)],
                hint: fixes.joined(separator: ", or "), replacement: mirrored)
        }
    }

    /// The same repository, tag and digest under the first allowed registry, if that is a valid reference.
    private static func mirror(_ reference: ImageReference, components: [String], into registry: String) -> String? {
        let repository = components.dropFirst().joined(separator: "/")
        let text =
            "\(registry)/\(repository)" + (reference.tag.map { ":\($0)" } ?? "") + (reference.digest.map { "@\($0)" } ?? "")
        return ImageReference.parse(text) != nil ? text : nil
    }
}
