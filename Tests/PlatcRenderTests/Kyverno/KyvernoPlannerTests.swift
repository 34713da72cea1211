import PlatcChecks
import PlatcTestSupport
import Testing

@testable import PlatcFacts
@testable import PlatcRender

/// Kyverno: which policies exist, how they are scoped, Audit vs Enforce, the numbers per GPU
/// class, the registries, and the signature policy only with a key. What the policies decide is
/// tested by Tests/PolicyBehaviour/policy_behaviour.py with a real CEL engine.
@Suite struct KyvernoPlannerTests {
    func plan(_ platform: RenderTestPlatform) throws -> [KubeObject] { KyvernoPlanner.plan(try platform.context()) }

    func validations(_ policy: KubeObject) -> [YAMLValue] { policy.bodyValue("spec")?.value(at: "validations")?.listValue ?? [] }
    func messages(_ policy: KubeObject) -> [String] { validations(policy).compactMap { $0.value(at: "message")?.stringValue } }
    func expressions(_ policy: KubeObject) -> [String] { validations(policy).compactMap { $0.value(at: "expression")?.stringValue } }

    static let publicKey = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE8nXRh950IZbRj8Ra/N9sbqOPZrfM
        -----END PUBLIC KEY-----
        """

    @Test func rendersFiveClusterScopedCELPolicies() throws {
        let objects = try plan(RenderTestPlatform.embeddedDefault())
        #expect(
            objects.map(\.name) == [
                "platc-require-kueue-queue", "platc-gpu-fit", "platc-allowed-images", "platc-pod-security-restricted",
                "platc-require-tenant-label",
            ])
        for policy in objects {
            #expect(policy.apiVersion == "policies.kyverno.io/v1")
            #expect(policy.kind == "ValidatingPolicy")
            #expect(policy.namespace == nil)
            #expect(policy.name.hasPrefix(KyvernoNames.prefix))
            #expect(policy.labelValue("app.kubernetes.io/managed-by") == "platc")
            #expect(policy.bodyValue("spec")?.value(at: "failurePolicy") == "Fail")
            #expect(!validations(policy).isEmpty)
            for validation in validations(policy) {
                #expect(validation.value(at: "message")?.stringValue?.contains(": ") == true, "messages name their check")
            }
        }
    }

    @Test func auditReportsAndWarnsEnforceDenies() throws {
        for policy in try plan(RenderTestPlatform()) {
            #expect(policy.bodyValue("spec")?.value(at: "validationActions") == ["Audit", "Warn"])
        }
        var platform = try RenderTestPlatform()
        platform.edit("platform/mini.yaml", "  allowedRegistries:", "  mode: Enforce\n  allowedRegistries:")
        for policy in try plan(platform) {
            #expect(policy.bodyValue("spec")?.value(at: "validationActions") == ["Deny"])
        }
    }

    @Test func queueGateAndTenantLabelScopeToTenantNamespacesByTheOptInLabel() throws {
        let objects = try plan(RenderTestPlatform())
        for name in [KyvernoNames.queueGate, KyvernoNames.tenantLabel] {
            let policy = try objects.object("ValidatingPolicy", name)
            #expect(
                policy.bodyValue("spec")?.value(at: "matchConstraints")?.value(at: "namespaceSelector")
                    == ["matchLabels": ["platc.dev/tenant-workloads": "true"]])
        }
        let gate = try objects.object("ValidatingPolicy", KyvernoNames.queueGate)
        #expect(expressions(gate).joined().contains("variables.queue == 'default'"))
        let rules = gate.bodyValue("spec")?.value(at: "matchConstraints")?.value(at: "resourceRules")?.listValue ?? []
        #expect(rules.map { $0.value(at: "resources") } == [["pods"], ["cronjobs", "jobs"]])
        // Pods a Job owns are Kueue's through the Job.
        let conditions = gate.bodyValue("spec")?.value(at: "matchConditions")?.listValue ?? []
        #expect(conditions.first?.value(at: "expression")?.stringValue?.contains("r.kind == 'Job'") == true)
    }

    @Test func imageAndPodSecurityPoliciesCoverEveryPlatcNamespaceAndDebugContainers() throws {
        let objects = try plan(RenderTestPlatform())
        let images = try objects.object("ValidatingPolicy", KyvernoNames.allowedImages)
        #expect(
            images.bodyValue("spec")?.value(at: "matchConstraints")?.value(at: "namespaceSelector")
                == ["matchLabels": ["app.kubernetes.io/managed-by": "platc"]])
        let security = try objects.object("ValidatingPolicy", KyvernoNames.podSecurity)
        #expect(
            security.bodyValue("spec")?.value(at: "matchConstraints")?.value(at: "namespaceSelector")
                == ["matchLabels": ["app.kubernetes.io/managed-by": "platc", "pod-security.kubernetes.io/enforce": "restricted"]])
        for policy in [images, security] {
            let rules = policy.bodyValue("spec")?.value(at: "matchConstraints")?.value(at: "resourceRules")?.listValue ?? []
            #expect(rules.first?.value(at: "resources") == ["pods", "pods/ephemeralcontainers"])
            #expect(rules.count == 3, "pods, apps and batch controllers")
        }
        #expect(messages(security).map { $0.split(separator: ":")[0] }.count == PodSecurityPolicy.controls.count)
        let volumeRule = expressions(security).first { $0.contains("'persistentVolumeClaim'") } ?? ""
        #expect(volumeRule.contains("'image'"), "modelcar image volumes must be allowed")
        #expect(!volumeRule.contains("hostPath"))
    }

    @Test func registriesMatchOnAPathBoundaryAndDigestsFollowTheSetting() throws {
        var platform = try RenderTestPlatform()
        platform.edit("platform/mini.yaml", "[registry.example.com]", "[registry.example.com, mirror.example.com/ml]")
        let images = try plan(platform).object("ValidatingPolicy", KyvernoNames.allowedImages)
        let variables = images.bodyValue("spec")?.value(at: "variables")?.listValue ?? []
        let foreign = variables.first { $0.value(at: "name") == "foreign" }?.value(at: "expression")?.stringValue ?? ""
        #expect(foreign.contains("['mirror.example.com/ml/', 'registry.example.com/']"))
        #expect(messages(images).map { $0.split(separator: ":")[0] } == ["allowed registries", "image digests"])

        platform.edit("platform/mini.yaml", "  allowedRegistries:", "  requireDigests: false\n  allowedRegistries:")
        let unpinned = try plan(platform).object("ValidatingPolicy", KyvernoNames.allowedImages)
        #expect(messages(unpinned).map { $0.split(separator: ":")[0] } == ["allowed registries"])
    }

    @Test func imagesAreNormalisedStepByStepAndEntriesAtRenderTime() throws {
        var platform = try RenderTestPlatform()
        platform.edit("platform/mini.yaml", "[registry.example.com]", "[registry.example.com, index.docker.io/vllm]")
        let images = try plan(platform).object("ValidatingPolicy", KyvernoNames.allowedImages)
        let variables = images.bodyValue("spec")?.value(at: "variables")?.listValue ?? []
        let names = variables.compactMap { $0.value(at: "name")?.stringValue }
        // One variable per step of the check's normalisation, in its order, between images and foreign.
        let steps = ImageNormalisation.steps.map(\.name)
        #expect(Array(names.drop { $0 != "images" }.dropFirst().prefix(steps.count)) == steps)
        #expect(names.firstIndex(of: "foreign") == names.firstIndex(of: "images")! + steps.count + 1)
        let foreign = variables.first { $0.value(at: "name") == "foreign" }?.value(at: "expression")?.stringValue ?? ""
        #expect(foreign.hasPrefix("variables.repositories.filter(r, !"))
        #expect(foreign.contains("['docker.io/library/vllm/', 'docker.io/vllm/', 'registry.example.com/']"))
        #expect(foreign.hasSuffix(".map(r, r.image)"), "messages list the images as written")
        // As written, in the message.
        #expect(messages(images).first?.contains("from index.docker.io/vllm, registry.example.com.") == true)
    }

    @Test func gpuFitHasOneValidationPerClassWithItsVisibleMemory() throws {
        let objects = try plan(RenderTestPlatform.embeddedDefault())
        let fit = try objects.object("ValidatingPolicy", KyvernoNames.gpuFit)
        let classRules = zip(messages(fit), expressions(fit)).filter { $0.0.hasPrefix("gpu class ") }
        #expect(classRules.map { String($0.0.split(separator: ":")[0]) } == ["gpu class h100", "gpu class l4"])
        // H100 80GB: 79.18 GiB visible → 81080 MiB; L4: 22.07 GiB → 22599 MiB.
        #expect(classRules[0].1.hasSuffix("variables.reservedMiB <= 81080)"))
        #expect(classRules[0].1.contains("variables.nodeSelector['nvidia.com/gpu.product'] : '') == 'NVIDIA-H100-80GB-HBM3'"))
        #expect(classRules[1].1.hasSuffix("variables.reservedMiB <= 22599)"))
        #expect(classRules[1].1.contains("variables.requiredMiB <= variables.reservedMiB"))
        #expect(fit.sources.sorted() == ["platform/gpu-classes/h100.yaml", "platform/gpu-classes/l4.yaml", "platform/lab.yaml"])
        // The serving namespace's GPU pods must be stamped.
        #expect(expressions(fit)[0].contains("namespaceObject.metadata.name != 'llm-serving'"))
    }

    @Test func aClassWithoutNodeSelectorIsSelectedByEveryGPUPodAndAVisibleMemoryOverrides() throws {
        var platform = try RenderTestPlatform()
        platform.edit("platform/a10.yaml") { $0 + "visibleMemory: 20Gi\n" }
        let fit = try plan(platform).object("ValidatingPolicy", KyvernoNames.gpuFit)
        let rule = try #require(zip(messages(fit), expressions(fit)).first { $0.0.hasPrefix("gpu class a10:") })
        #expect(rule.1.contains("&& true)"))
        #expect(rule.1.hasSuffix("variables.reservedMiB <= 20480)"))
    }

    @Test func signaturePolicyOnlyWithAKey() throws {
        #expect(try plan(RenderTestPlatform()).allSatisfy { $0.kind == "ValidatingPolicy" })
        var platform = try RenderTestPlatform()
        let key = Self.publicKey.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        platform.edit("platform/mini.yaml", "  allowedRegistries:", "  cosignPublicKey: |\n\(key)\n  allowedRegistries:")
        let policy = try plan(platform).object("ImageValidatingPolicy", KyvernoNames.imageSignatures)
        let spec = try #require(policy.bodyValue("spec"))
        // The images the image policy admits, read as it reads them (not a glob on the text).
        #expect(
            spec.value(at: "matchImageReferences")
                == [["expression": .string(AllowedRegistries(["registry.example.com"]).celCovers(image: "ref"))]])
        #expect(spec.at("matchImageReferences.0.expression")?.stringValue?.hasPrefix("[ref].map(i, i.split('@')[0])") == true)
        #expect(spec.at("attestors.0.cosign.key.data")?.stringValue == Self.publicKey + "\n")
        #expect(spec.value(at: "validationConfigurations") == ["mutateDigest": false, "required": true, "verifyDigest": true])
        #expect(
            spec.at("validations.0.expression")?.stringValue?.contains("verifyImageSignatures(image, [attestors.platcCosignKey])") == true)
        #expect(spec.value(at: "validationActions") == ["Audit", "Warn"])
    }

    @Test func celStringLiteralsAreEscaped() {
        #expect(CEL.string("it's a \\ path") == "'it\\'s a \\\\ path'")
        #expect(CEL.list(["a", "b"]) == "['a', 'b']")
    }
}
