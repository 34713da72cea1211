import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

@testable import PlatcChecks
@testable import PlatcFacts

/// `policy/*` on the minimal platform (allowed registry `registry.example.com`, requireDigests by
/// default), changed in memory.
@Suite struct PolicyCheckTests {
    typealias Platform = RefCheckTests.Platform

    static let digest = "@sha256:2222222222222222222222222222222222222222222222222222222222222222"
    static let engine = "registry.example.com/vllm/vllm-openai" + digest

    @Test func minimalAndDefaultPlatformsAreClean() throws {
        #expect(try Platform().check(family: "policy").isEmpty)
        let loaded = Loader().load(try SourceTree.reading(Paths.packageRoot))
        var context = CheckContext(facts: Facts(try #require(loaded.spec)), sources: loaded.sources)
        CheckPipeline.run(family: "policy", &context)
        #expect(context.diagnostics.diagnostics.isEmpty, "\(context.diagnostics.diagnostics)")
    }

    // MARK: - policy/image-digest

    @Test func anEngineImageByTagFailsWhileDigestsAreRequired() throws {
        var platform = try Platform()
        platform.edit("models/tiny.yaml", Self.engine, "registry.example.com/vllm/vllm-openai:v0.11.0")
        let found = try platform.check(family: "policy")
        #expect(found.map(\.ruleID) == ["policy/image-digest"])
        let diagnostic = try #require(found.first)
        #expect(diagnostic.span?.start == SourceLocation(file: "models/tiny.yaml", line: 14, column: 12))
        #expect(diagnostic.notes.first?.message == "policy.requireDigests is true (absent; default true)")
        #expect(diagnostic.hint?.contains("'registry.example.com/vllm/vllm-openai:v0.11.0@sha256:<64 hex digits>'") == true)

        platform.edit("platform/mini.yaml", "policy:\n", "policy:\n  requireDigests: true\n")
        #expect(try platform.check(family: "policy").first?.notes.first?.message == "policy.requireDigests is true here")
        platform.edit("platform/mini.yaml", "requireDigests: true", "requireDigests: false")
        #expect(try platform.check(family: "policy").isEmpty)
    }

    @Test func weightsArePinnedWhateverThePolicySays() throws {
        var platform = try Platform()
        platform.edit("platform/mini.yaml", "policy:\n", "policy:\n  requireDigests: false\n")
        platform.edit(
            "models/tiny.yaml", "models/tiny@sha256:1111111111111111111111111111111111111111111111111111111111111111", "models/tiny:v1")
        platform.edit(
            "models/tiny.yaml", "tenants: [team]",
            "lora:\n  adapters:\n    - name: sql\n      image: registry.example.com/adapters/sql:latest\n      tenants: [team]\ntenants: [team]"
        )
        let found = try platform.check(family: "policy")
        #expect(found.map(\.ruleID) == ["policy/image-digest", "policy/image-digest"])
        #expect(
            found.map(\.message) == [
                "source.modelcar of model 'tiny' is not pinned by digest: 'registry.example.com/models/tiny:v1'",
                "image of LoRA adapter 'sql' of model 'tiny' is not pinned by digest: 'registry.example.com/adapters/sql:latest'",
            ])
    }

    @Test func aTagNextToTheDigestIsPinned() throws {
        var platform = try Platform()
        platform.edit("models/tiny.yaml", Self.engine, "registry.example.com/vllm/vllm-openai:v0.11.0" + Self.digest)
        #expect(try platform.check(family: "policy").isEmpty)
    }

    // MARK: - policy/image-registry

    @Test func anImageWithoutRegistryHostComesFromDockerHub() throws {
        var platform = try Platform()
        platform.edit("models/tiny.yaml", Self.engine, "vllm/vllm-openai" + Self.digest)
        let found = try platform.check(family: "policy")
        #expect(found.map(\.ruleID) == ["policy/image-registry"])
        let diagnostic = try #require(found.first)
        #expect(
            diagnostic.message
                == "serving.engine.image of model 'tiny' is pulled from 'docker.io/vllm/vllm-openai' (no registry host means Docker Hub), "
                + "which no allowed registry covers (registry.example.com)")
        #expect(
            diagnostic.hint
                == "mirror it: 'registry.example.com/vllm/vllm-openai\(Self.digest)', or add 'docker.io/vllm' to policy.allowedRegistries")
        #expect(diagnostic.notes.first?.span?.start == SourceLocation(file: "platform/mini.yaml", line: 18, column: 23))

        platform.edit("platform/mini.yaml", "[registry.example.com]", "[registry.example.com, docker.io/vllm]")
        #expect(try platform.check(family: "policy").isEmpty)
    }

    @Test func registriesMatchWholePathComponents() {
        func allowed(_ image: String, by prefix: String) -> Bool {
            AllowedRegistries([prefix]).covers(ImageNormalisation.repository(of: image)!)
        }
        #expect(allowed("registry.example.com/models/x:1", by: "registry.example.com"))
        #expect(allowed("registry.example.com/models/x:1", by: "registry.example.com/models"))
        #expect(!allowed("registry.example.com/models-x/y:1", by: "registry.example.com/models"))
        #expect(!allowed("registry.example.com.evil.io/x:1", by: "registry.example.com"))
        #expect(!allowed("registry.example.com:5000/x:1", by: "registry.example.com"))
        #expect(allowed("registry.example.com:5000/x:1", by: "registry.example.com:5000"))
        #expect(allowed("localhost/x:1", by: "localhost"))
        // Docker Hub: no host, index.docker.io and the implied library/ namespace.
        #expect(allowed("vllm/vllm-openai:1", by: "docker.io"))
        #expect(allowed("vllm/vllm-openai:1", by: "docker.io/vllm"))
        #expect(allowed("vllm/vllm-openai:1", by: "vllm"))
        #expect(allowed("index.docker.io/vllm/vllm-openai:1", by: "docker.io/vllm"))
        #expect(allowed("docker.io/nginx:1", by: "docker.io/library"))
        #expect(allowed("docker.io/nginx:1", by: "docker.io/nginx"))
        #expect(!allowed("docker.io/nginx:1", by: "docker.io/vllm"))
        #expect(!allowed("vllm/vllm-openai:1", by: "registry.example.com"))
    }

    // MARK: - policy/inline-secret

    @Test func secretsInCommentsAreFoundAndNeverPrinted() throws {
        var platform = try Platform()
        let key = "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
        platform.edit("tenants/team.yaml", "ssoGroups: [team]", "ssoGroups: [team]  # HF_TOKEN=\(key)")
        let loaded = Loader().load(SourceTree(files: platform.files.map { .init(path: $0.key, bytes: Array($0.value.utf8)) }))
        var context = CheckContext(facts: Facts(try #require(loaded.spec)), sources: loaded.sources)
        CheckPipeline.run(family: "policy", &context)
        let found = context.diagnostics.sorted
        #expect(found.map(\.ruleID) == ["policy/inline-secret"])
        let diagnostic = try #require(found.first)
        #expect(diagnostic.message == "inline secret: this looks like a Hugging Face token ('hf_A…')")
        #expect(diagnostic.span?.start == SourceLocation(file: "tenants/team.yaml", line: 4, column: 31))
        #expect(diagnostic.span?.endColumn == 31 + key.count)
        // Neither the message nor the source line printed under it shows the secret.
        let text = TextFormatter(sources: loaded.sources).format(found)
        #expect(!text.contains(key) && !text.contains(String(key.dropFirst(4))), "\(text)")
        #expect(text.contains("# HF_TOKEN=hf_A" + String(repeating: "*", count: key.count - 4)))
    }

    @Test func secretsInConfigJSONPointAtTheModel() throws {
        var platform = try Platform()
        platform.edit("models/tiny.json", "\"use_cache\": true,", "\"use_cache\": true,\n  \"auth\": {\"api_key\": \"Zq7-kP2x-Lm9w\"},")
        let found = try platform.check(family: "policy")
        #expect(found.map(\.ruleID) == ["policy/inline-secret"])
        #expect(
            found.first?.message
                == "inline secret in models/tiny.json at 'auth.api_key': this looks like a literal value for 'api_key' ('Zq7-…')")
        #expect(found.first?.span?.start == SourceLocation(file: "models/tiny.yaml", line: 11, column: 11))
    }

    @Test func aPrivateKeyInPlaceOfTheCosignPublicKeyIsFoundAndThePublicKeyIsNot() throws {
        var platform = try Platform()
        let publicKey = """
              cosignPublicKey: |
                -----BEGIN PUBLIC KEY-----
                MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE7m3hN2eQhX9ZdjbWAKIAV3xLc5Rr
                tT1cAKIAIOSFODNN7EXAMPLEqQ9bN8hJ1zYfGkT3wWv2pLs0eRuVa6XoMnB4Dg==
                -----END PUBLIC KEY-----

            """
        platform.edit("platform/mini.yaml", "policy:\n", "policy:\n" + publicKey)
        #expect(try platform.check(family: "policy").isEmpty)
        platform.edit("platform/mini.yaml", "BEGIN PUBLIC KEY", "BEGIN EC PRIVATE KEY")
        platform.edit("platform/mini.yaml", "END PUBLIC KEY", "END EC PRIVATE KEY")
        let found = try platform.check(family: "policy")
        #expect(found.map(\.message) == ["inline secret: this looks like a PEM private key (-----BEGIN EC PRIVATE KEY-----)"])
    }

    @Test func aRepoURLWithAPasswordSuggestsTheURLWithout() throws {
        var platform = try Platform()
        platform.edit("platform/mini.yaml", "https://git.example.com/mini.git", "https://deploy:Pa55-w0rd@git.example.com/mini.git")
        let found = try platform.check(family: "policy")
        #expect(found.map(\.message) == ["inline secret: this looks like a password in a URL ('Pa55…')"])
        #expect(found.first?.hint?.contains("write 'https://git.example.com/mini.git'") == true)
    }
}
