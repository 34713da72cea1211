import Foundation
import PlatcChecks
import PlatcSpec
import PlatcTestSupport
import Testing

@testable import PlatcFacts
@testable import PlatcRender

/// `platc check` and the rendered `platc-allowed-images` policy read every image the same way:
/// for seeded platforms (allowed registries, requireDigests) and images, the verdict of the real
/// `policy/image-registry` and `policy/image-digest` checks equals the verdict of the rendered
/// ValidatingPolicy, evaluated by kubecel (the CEL engine of Tests/PolicyBehaviour) on a Pod,
/// Deployment or CronJob with that image in a container, init container, debug container or
/// image volume. Every platform has a cosign key, and the rendered `platc-verify-image-signatures`
/// selects an image (its `matchImageReferences`, matched as Kyverno matches) exactly when the
/// check admits its registry, and denies it unsigned exactly then (but in an image volume, which
/// Kyverno does not extract). All cases go to one Python process
/// (Tests/PolicyBehaviour/image_verdicts.py).
@Suite struct ImagePolicyAgreementTests {
    /// The cases issue 20 named, first; then seeded ones.
    static let named: [(entries: [String], images: [String])] = [
        (["docker.io/vllm"], ["vllm/vllm-openai" + ImageCaseGenerator.digest, "docker.io/vllm/x:1", "index.docker.io/vllm/x"]),
        (["registry.example.com"], ["registry.example.com.evil.io/x", "registry.example.com:5000/x", "registry.example.com/x:1"]),
        (["reg.io/ml"], ["reg.io/mlx/y", "reg.io/ml/y", "reg.io/ml"]),
        (["docker.io/nginx"], ["docker.io/library/nginx:1.25", "library/nginx", "nginx/x", "docker.io/library/nginx/x"]),
        (["docker.io/library"], ["docker.io/nginx", "library/x", "index.docker.io/x"]),
        (["localhost"], ["localhost/x", "localhost:5000/x", "localhostx/y"]),
        (["index.docker.io/vllm", "reg:5000"], ["vllm/x", "reg:5000/x:5000", "reg/x"]),
    ]
    static let platforms = 160
    static let imagesPerPlatform = 10
    /// Platforms whose images only a container runtime accepts.
    static let runtimeOnly = 30

    /// The validation of the rendered policy that stands for each check rule.
    static let validation = ["policy/image-registry": "allowed registries", "policy/image-digest": "image digests"]

    struct Case: Encodable {
        var policy: Int
        var signatures: Int
        var image: String
        var kind: String
        var `where`: String
        /// Not sent: the platform and platc check's verdict.
        var entries: [String] = []
        var requireDigests = true
        var check: [String] = []

        enum CodingKeys: String, CodingKey { case policy, signatures, image, kind, `where` }

        /// What the signature policy must do, given the check's verdict: select the image exactly
        /// when its registry is allowed, and then deny it unsigned, unless Kyverno does not extract
        /// it (an image volume).
        var admitted: Bool { !check.contains("allowed registries") }
        var unsigned: [String] { admitted && `where` != "volume" ? ["image signatures"] : [] }
    }

    struct Verdict: Decodable {
        var violated: [String]
        var details: [String]
        /// Whether the signature policy selects the image; nil when its match fails.
        var selected: Bool?
        var unsigned: [String]
        var unsignedDetails: [String]
    }

    @Test func checkAndPolicyGiveTheSameVerdictOnEveryImage() throws {
        var generator = ImageCaseGenerator(seed: 0x1AA9_E20)
        var policies: [String] = []
        var cases: [Case] = []
        for index in 0..<Self.platforms {
            let entries = index < Self.named.count ? Self.named[index].entries : generator.entries()
            let requireDigests = index % 5 != 4
            let platform = try Self.platform(entries, requireDigests: requireDigests)
            policies += try Self.renderedPolicies(platform.spec)
            let images =
                index < Self.named.count
                ? Self.named[index].images : (0..<Self.imagesPerPlatform).map { _ in generator.image(near: entries) }
            for image in images {
                #expect(StringFormat.imageReference.accepts(image), "the loader refuses \(image)")
                var next = Self.placed(image, policy: policies.count - 2, number: cases.count)
                next.entries = entries
                next.requireDigests = requireDigests
                next.check = Self.checkVerdict(platform, image)
                cases.append(next)
            }
        }
        // References a runtime accepts and the loader does not (`nginx`, `MyHub/x`, `[::1]:5000/x`)
        // have no platc check verdict; there the check's own reading stands in for it.
        for index in 0..<Self.runtimeOnly {
            let entries = generator.entries()
            let platform = try Self.platform(entries, requireDigests: true)
            policies += try Self.renderedPolicies(platform.spec)
            for _ in 0..<Self.imagesPerPlatform {
                let image = generator.runtimeOnlyImage()
                #expect(!StringFormat.imageReference.accepts(image), "the loader accepts \(image), case \(index)")
                var next = Self.placed(image, policy: policies.count - 2, number: cases.count)
                next.entries = entries
                next.check = Self.normalisationVerdict(entries, image)
                cases.append(next)
            }
        }
        let verdicts = try Self.policyVerdicts(policies, cases)
        Self.expectAgreement(cases, verdicts)
        Self.expectSignatureSelection(cases, verdicts)
        #expect(cases.count >= 1000)
        // Every verdict is common, so agreeing is not agreeing on one answer.
        let counts = Dictionary(grouping: cases, by: \.check).mapValues(\.count)
        for verdict in [[], ["allowed registries"], ["image digests"], ["allowed registries", "image digests"]] {
            #expect(counts[verdict, default: 0] >= 200, "\(verdict): \(counts[verdict, default: 0]) cases")
        }
    }

    // MARK: - The two sides

    /// The minimal platform with these allowed registries, through the loader.
    static func platform(_ entries: [String], requireDigests: Bool) throws -> (spec: Spec, sources: SourceFiles) {
        var platform = try RenderTestPlatform()
        let list = entries.map { "\"\($0)\"" }.joined(separator: ", ")
        platform.edit("platform/mini.yaml", "allowedRegistries: [registry.example.com]", "allowedRegistries: [\(list)]")
        platform.edit("platform/mini.yaml", "policy:\n", "policy:\n  requireDigests: \(requireDigests)\n")
        let key = KyvernoPlannerTests.publicKey.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        platform.edit("platform/mini.yaml", "policy:\n", "policy:\n  cosignPublicKey: |\n\(key)\n")
        let tree = SourceTree(files: platform.files.map { SourceTree.File(path: $0.key, bytes: Array($0.value.utf8)) })
        let loaded = Loader().load(tree)
        return (try #require(loaded.spec, "\(entries): \(loaded.diagnostics)"), loaded.sources)
    }

    /// The rendered image policy and signature policy, as out/ holds them.
    static func renderedPolicies(_ spec: Spec) throws -> [String] {
        let objects = KyvernoPlanner.plan(try RenderContext(facts: Facts(spec)))
        return try [
            objects.object("ValidatingPolicy", KyvernoNames.allowedImages),
            objects.object("ImageValidatingPolicy", KyvernoNames.imageSignatures),
        ].map { String(decoding: Artifact.yaml(path: $0.path, sources: $0.sources, document: $0.document).bytes, as: UTF8.self) }
    }

    /// What `platc check` says of `image` as the model's engine image: the policy validations its
    /// findings there stand for.
    static func checkVerdict(_ platform: (spec: Spec, sources: SourceFiles), _ image: String) -> [String] {
        var spec = platform.spec
        let span = spec.models[0].serving.engine.image.span
        spec.models[0].serving.engine.image = Located(image, at: span)
        var context = CheckContext(facts: Facts(spec), sources: platform.sources)
        CheckPipeline.run(family: "policy", &context)
        return context.diagnostics.diagnostics.filter { $0.span == span }.compactMap { validation[$0.ruleID] }.sorted()
    }

    /// What the check's reading says of an image the loader refuses: the same two questions
    /// `policy/image-registry` and `policy/image-digest` ask (with requireDigests).
    static func normalisationVerdict(_ entries: [String], _ image: String) -> [String] {
        let covered = ImageNormalisation.repository(of: image).map(AllowedRegistries(entries).covers) ?? false
        return (covered ? [] : ["allowed registries"]) + (ImageNormalisation.isPinned(image) ? [] : ["image digests"])
    }

    /// Where the image goes in the object the policy sees, varied by case number.
    static func placed(_ image: String, policy: Int, number: Int) -> Case {
        let place = ["containers", "initContainers", "volume", "ephemeralContainers"][number % 4]
        // Debug containers are added to pods only.
        let kind = place == "ephemeralContainers" ? "Pod" : ["Pod", "Deployment", "CronJob"][(number / 4) % 3]
        return Case(policy: policy, signatures: policy + 1, image: image, kind: kind, where: place)
    }

    /// The rendered policies' verdicts, from one run of kubecel.
    static func policyVerdicts(_ policies: [String], _ cases: [Case]) throws -> [Verdict] {
        struct Input: Encodable {
            var policies: [String]
            var cases: [Case]
        }
        struct Output: Decodable { var verdicts: [Verdict] }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("platc-image-cases-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try JSONEncoder().encode(Input(policies: policies, cases: cases)).write(to: file)
        let script = Paths.packageRoot.appendingPathComponent("Tests/PolicyBehaviour/image_verdicts.py")
        let result = try run(try ExternalTools.python(), [script.path, file.path], timeout: 900)
        try #require(result.exitCode == 0, "image_verdicts.py: \(result.stderr)")
        let verdicts = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8)).verdicts
        try #require(verdicts.count == cases.count)
        return verdicts
    }

    /// Every case agrees; otherwise the smallest disagreement (fewest entries, shortest image) is
    /// the one reported, with how many there are.
    static func expectAgreement(_ cases: [Case], _ verdicts: [Verdict]) {
        let disagreements = zip(cases, verdicts).filter { $0.0.check != $0.1.violated }
        guard let (smallest, verdict) = smallestCase(disagreements) else { return }
        Issue.record(
            """
            \(disagreements.count) of \(cases.count) images get another verdict from the policy than from platc check. The smallest:
              allowedRegistries: \(smallest.entries), requireDigests: \(smallest.requireDigests)
              image: \(smallest.image) (\(smallest.where) of a \(smallest.kind))
              platc check: \(smallest.check.isEmpty ? "allowed" : smallest.check.joined(separator: ", "))
              policy:      \(verdict.violated.isEmpty ? "allowed" : verdict.violated.joined(separator: ", ")) \(verdict.details)
            """)
    }

    /// The signature policy verifies exactly the images the check admits (a short Docker Hub name
    /// as well as `docker.io/…`); otherwise the smallest disagreement is reported.
    static func expectSignatureSelection(_ cases: [Case], _ verdicts: [Verdict]) {
        let disagreements = zip(cases, verdicts).filter { $0.1.selected != $0.0.admitted || $0.1.unsigned != $0.0.unsigned }
        guard let (smallest, verdict) = smallestCase(disagreements) else { return }
        Issue.record(
            """
            \(disagreements.count) of \(cases.count) images are selected by the signature policy otherwise than the check admits them. The smallest:
              allowedRegistries: \(smallest.entries)
              image: \(smallest.image) (\(smallest.where) of a \(smallest.kind))
              platc check: \(smallest.admitted ? "registry allowed" : "registry not allowed")
              signature policy: \(verdict.selected.map { $0 ? "selects it" : "does not select it" } ?? "match failed"), \
            unsigned: \(verdict.unsigned.isEmpty ? "admitted" : verdict.unsigned.joined(separator: ", ")) \(verdict.unsignedDetails)
            """)
    }

    static func smallestCase(_ disagreements: [(Case, Verdict)]) -> (Case, Verdict)? {
        disagreements.min(by: {
            ($0.0.entries.count, $0.0.image.count, $0.0.entries.joined().count)
                < ($1.0.entries.count, $1.0.image.count, $1.0.entries.joined().count)
        })
    }
}
