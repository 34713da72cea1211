import PlatcFacts
import PlatcSpec

/// `policy/*`: what admission policy would refuse, refused before it reaches the cluster — images
/// pinned by digest and from allowed registries — and no secret written into the sources.
/// It runs last: it reads every file, so it comes after the families that reason about the Spec.
public enum PolicyChecks: Check {
    public static let rules: [Rule] = [
        .policyImageDigest,
        .policyImageRegistry,
        .policyInlineSecret,
    ]

    public static func run(_ context: inout CheckContext) {
        let images = ImageUse.all(in: context.spec)
        ImageDigest.check(images, &context)
        ImageRegistry.check(images, &context)
        InlineSecret.check(&context)
    }
}
