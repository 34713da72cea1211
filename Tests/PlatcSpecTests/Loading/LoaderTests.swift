import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

@Suite struct LoaderTests {
    @Test func loadsTheEmbeddedDefault() throws {
        let result = Loader().load(try SourceTree.reading(Paths.packageRoot))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let spec = try #require(result.spec)
        #expect(spec.platform.name.value == "lab")
        #expect(spec.gpuClasses.map(\.name.value) == ["h100", "l4"])
        #expect(spec.tenants.map(\.name.value) == ["research", "search", "support"])
        #expect(spec.models.count == 5)
        let llama = try #require(spec.models.first { $0.name.value == "llama-3-1-8b-instruct" })
        #expect(llama.lora?.adapters.map(\.name.value) == ["sql-lora", "support-lora"])
        #expect(llama.config.architectures == ["LlamaForCausalLM"])
        #expect(llama.serving.gpuMemoryUtilization.value == Fraction(millionths: 900_000))
        #expect(spec.platform.timeouts.router.retries.value == 1)
    }

    @Test func defaultsApplyWhereKeysAreAbsent() throws {
        let spec = try #require(Loader().load(try SourceTree.reading(Paths.minimalPlatform)).spec)
        let model = spec.models[0]
        #expect(model.serving.tensorParallel.value == 1)
        #expect(model.serving.maxNumSeqs.value == 256)
        #expect(model.serving.kvCacheDtype.value == .auto)
        #expect(model.serving.replicas.min.value == 1)
        #expect(model.mode.value == .chat)
        #expect(spec.platform.namespaces.serving.value == "llm-serving")
        #expect(spec.platform.policy.mode.value == .audit)
        #expect(spec.tenants[0].gpuQuota.first?.quota.borrowingLimit.value == 0)
        #expect(spec.tenants[0].namespaceQuota.memory.value.text == "64Gi")
    }

    @Test func everyFieldKeepsItsLocation() throws {
        let spec = try #require(Loader().load(try SourceTree.reading(Paths.minimalPlatform)).spec)
        let tenant = spec.tenants[0]
        #expect(tenant.rateLimits.rpm.span.start == SourceLocation(file: "tenants/team.yaml", line: 8, column: 8))
        #expect(tenant.gpuQuota[0].gpuClass.span.start.line == 12)
    }

    @Test func errorsFromManyFilesComeSorted() {
        let tree = SourceTree(files: [
            .init(path: "tenants/b.yaml", bytes: Array("kind: Tenant\napiVersion: platc.dev/v1alpha1\nname: b\nbogus: 1\n".utf8)),
            .init(path: "tenants/a.yaml", bytes: Array("kind: Tenant\napiVersion: platc.dev/v1alpha1\nname: x\n".utf8)),
        ])
        let result = Loader().load(tree)
        #expect(result.spec == nil)
        let files = result.diagnostics.compactMap { $0.span?.file }
        #expect(files == files.sorted())
        #expect(result.diagnostics.contains { $0.ruleID == "schema/name-mismatch" && $0.replacement == "a" })
        #expect(result.diagnostics.contains { $0.ruleID == "source/platform-count" })
    }

    @Test func resolvesConfigPaths() {
        #expect(Loader.resolve("configs/x.json", in: "models") == "models/configs/x.json")
        #expect(Loader.resolve("../x.json", in: "models/a") == "models/x.json")
        #expect(Loader.resolve("../../../x", in: "models") == nil)
        #expect(Loader.baseName(of: "tenants/sub/a.yml") == "a")
    }

    /// Random bytes and mutated sources never crash the loader; each run ends with diagnostics
    /// or a spec. (The libFuzzer campaign goes further; this keeps a small version in every run.)
    @Test func randomInputNeverCrashes() throws {
        var random = SeededRandom(seed: 42)
        let base = try SourceTree.reading(Paths.minimalPlatform)
        for round in 0..<300 {
            var files = base.files
            let index = Int.random(in: 0..<files.count, using: &random)
            var bytes = files[index].bytes
            for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes.remove(at: at)
                case 2:
                    bytes.insert(
                        contentsOf: Array(["[", "{", ":", "&a", "*a", "\t", "- ", "\"", "'", "!!", "<<", "---\n"][round % 12].utf8), at: at)
                default: bytes.insert(contentsOf: bytes[at..<min(at + 16, bytes.count)], at: at)
                }
            }
            files[index].bytes = bytes
            let result = Loader().load(SourceTree(files: files))
            #expect(result.spec != nil || !result.diagnostics.isEmpty)
        }
    }
}

@Suite struct DefaultingTests {
    /// `key:` with no value means "use the default", for objects and scalars alike.
    @Test func emptyOptionalKeysTakeTheirDefaults() throws {
        var tree = try SourceTree.reading(Paths.minimalPlatform)
        let index = try #require(tree.files.firstIndex { $0.path == "models/tiny.yaml" })
        let text = String(decoding: tree.files[index].bytes, as: UTF8.self)
            .replacing("  maxModelLen: 4096\n", with: "  maxModelLen: 4096\n  replicas:\n  tensorParallel:\n")
        tree.files[index].bytes = Array(text.utf8)
        let result = Loader().load(tree)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let model = try #require(result.spec?.models.first)
        #expect(model.serving.replicas.max.value == 1)
        #expect(model.serving.tensorParallel.value == 1)
    }
}
