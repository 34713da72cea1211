import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

@testable import PlatcChecks
@testable import PlatcFacts

/// `ref/*` on the minimal platform (tenant `team`, model `tiny` on GPU class `a10`), changed one
/// file at a time in memory.
@Suite struct RefCheckTests {
    /// A copy of the minimal platform's files that a test edits before checking.
    struct Platform {
        var files: [String: String] = [:]

        init() throws {
            for file in try SourceTree.reading(Paths.minimalPlatform).files {
                files[file.path] = String(decoding: file.bytes, as: UTF8.self)
            }
        }

        mutating func edit(_ path: String, _ old: String, _ new: String) {
            let text = files[path] ?? ""
            #expect(text.contains(old), "\(path) has no '\(old)'")
            files[path] = text.replacing(old, with: new)
        }

        /// `team` with another name and models, as a second tenant.
        mutating func addTenant(_ name: String, models: String) {
            files["tenants/\(name).yaml"] = files["tenants/team.yaml"]!
                .replacing("name: team", with: "name: \(name)").replacing("models: [tiny]", with: "models: \(models)")
        }

        /// `tiny` with another name, as a second model on the same config.json that `team` also lists.
        mutating func addModel(_ name: String, replacing changes: [(String, String)] = []) {
            var text = files["models/tiny.yaml"]!.replacing("\nname: tiny\n", with: "\nname: \(name)\n")
            for (old, new) in changes { text = text.replacing(old, with: new) }
            files["models/\(name).yaml"] = text
            edit("tenants/team.yaml", "models: [tiny", "models: [tiny, \(name)")
        }

        /// The family's findings, sorted; the edited platform must load cleanly.
        func check(family: String = "ref") throws -> [Diagnostic] {
            let tree = SourceTree(files: files.map { SourceTree.File(path: $0.key, bytes: Array($0.value.utf8)) })
            let loaded = Loader().load(tree)
            let spec = try #require(loaded.spec, "\(loaded.diagnostics)")
            var context = CheckContext(facts: Facts(spec), sources: loaded.sources)
            CheckPipeline.run(family: family, &context)
            return context.diagnostics.sorted
        }
    }

    static let adapter = """
        lora:
          adapters:
            - name: tiny-sql
              image: registry.example.com/adapters/sql@sha256:3333333333333333333333333333333333333333333333333333333333333333
              tenants: [TENANTS]
        tenants:
        """

    @Test func minimalAndDefaultPlatformsAreClean() throws {
        #expect(try Platform().check().isEmpty)
        let loaded = Loader().load(try SourceTree.reading(Paths.packageRoot))
        var context = CheckContext(facts: Facts(try #require(loaded.spec)), sources: loaded.sources)
        CheckPipeline.run(family: "ref", &context)
        #expect(context.diagnostics.diagnostics.isEmpty, "\(context.diagnostics.diagnostics)")
    }

    @Test func unknownModelSuggestsTheClosestAndPointsAtIt() throws {
        var platform = try Platform()
        platform.edit("tenants/team.yaml", "models: [tiny]", "models: [tiny, tinny]")
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["ref/unknown-model"])
        let diagnostic = try #require(found.first)
        #expect(diagnostic.message == "tenant 'team' lists model 'tinny', but no model has that name")
        #expect(diagnostic.span?.start == SourceLocation(file: "tenants/team.yaml", line: 10, column: 16))
        // 'tiny' is already listed: replacing 'tinny' with it would repeat it (schema/duplicate-item).
        #expect(diagnostic.replacement == nil)
        #expect(diagnostic.hint == "remove 'tinny' from this list: model 'tiny' is already in it")
        #expect(diagnostic.notes.first?.span?.start == SourceLocation(file: "models/tiny.yaml", line: 3, column: 7))
    }

    @Test func unknownModelWithoutACloseNameListsTheModels() throws {
        var platform = try Platform()
        platform.edit("tenants/team.yaml", "models: [tiny]", "models: [tiny, mixtral]")
        let diagnostic = try #require(try platform.check().first)
        #expect(diagnostic.replacement == nil)
        #expect(
            diagnostic.hint
                == "no single value fixes this: defined models: tiny; add models/mixtral.yaml or remove 'mixtral' from this list")
    }

    @Test func aTenantCannotGrantItselfAModel() throws {
        var platform = try Platform()
        platform.addTenant("other", models: "[tiny]")
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["ref/access-not-granted"])
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.span?.file == "tenants/other.yaml")
        #expect(diagnostic.message.contains("it allows only team"))
        #expect(diagnostic.hint?.contains("(tenants: [team, other])") == true)
        #expect(diagnostic.notes.first?.span?.start == SourceLocation(file: "models/tiny.yaml", line: 19, column: 11))
    }

    @Test func aGrantTheTenantDoesNotUseIsAWarning() throws {
        var platform = try Platform()
        platform.addTenant("other", models: "[]")
        platform.edit("models/tiny.yaml", "tenants: [team]", "tenants: [team, other]")
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["ref/access-not-used"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.span?.start == SourceLocation(file: "models/tiny.yaml", line: 19, column: 17))
        #expect(found.first?.notes.first?.message == "tenant 'other' is defined here, without models")
    }

    @Test func unknownTenantsOfModelsAndAdaptersAreReportedOnce() throws {
        var platform = try Platform()
        platform.edit("models/tiny.yaml", "tenants: [team]", "tenants: [team, teem]")
        platform.edit("models/tiny.yaml", "tenants:", Self.adapter.replacing("TENANTS", with: "team, nobody"))
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["ref/unknown-tenant", "ref/unknown-tenant"])
        #expect(found[0].message == "adapter 'tiny-sql' of model 'tiny' is offered to tenant 'nobody', but no tenant has that name")
        #expect(found[1].replacement == nil, "'team' is already listed")
        #expect(found[1].hint == "remove 'teem' from this list: tenant 'team' is already in it")
    }

    @Test func adapterTenantsMustBeTenantsOfTheBaseModel() throws {
        var platform = try Platform()
        platform.addTenant("other", models: "[]")
        platform.edit("models/tiny.yaml", "tenants:", Self.adapter.replacing("TENANTS", with: "other"))
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["ref/adapter-tenant-not-allowed"])
        #expect(found.first?.hint?.contains("(tenants: [team, other])") == true)
    }

    @Test func unknownGPUClassesOfModelsAndQuotas() throws {
        var platform = try Platform()
        platform.edit("models/tiny.yaml", "gpuClass: a10", "gpuClass: a100")
        platform.edit("tenants/team.yaml", "a10: {nominal: 1}", "h100: {nominal: 1}")
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["ref/unknown-gpu-class", "ref/unknown-gpu-class"])
        #expect(found[0].message == "model 'tiny' runs on GPU class 'a100', but no GPU class has that name")
        #expect(found[0].replacement == "a10")
        #expect(found[1].message == "tenant 'team' has GPU quota on class 'h100', but no GPU class has that name")
        #expect(
            found[1].hint
                == "no single value fixes this: defined GPU classes: a10; add platform/h100.yaml (kind: GPUClass) or name one of those")
    }

    @Test func aModelNobodyMayCallIsAWarningUnlessATenantAsksForIt() throws {
        var platform = try Platform()
        platform.edit("models/tiny.yaml", "tenants: [team]", "tenants: []")
        #expect(try platform.check().map(\.ruleID) == ["ref/access-not-granted"])
        platform.edit("tenants/team.yaml", "models: [tiny]", "models: []")
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["ref/model-without-tenants"])
        #expect(
            found.first?.message == "model 'tiny' allows no tenant and no tenant lists it: nobody can call it, yet it keeps 1 replica warm")
    }

    @Test func twoModelsCannotShareAnAlias() throws {
        var platform = try Platform()
        platform.addModel("tiny2", replacing: [("servedName: Qwen/Qwen2.5-0.5B-Instruct", "servedName: tiny2")])
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["ref/duplicate-alias"])
        let diagnostic = try #require(found.first)
        // Models sort by name: tiny keeps the alias, tiny2 is told to change.
        #expect(diagnostic.span?.file == "models/tiny2.yaml")
        #expect(diagnostic.replacement == "tiny2")
        #expect(diagnostic.notes.first?.span?.file == "models/tiny.yaml")
    }

    @Test func anAdapterWithoutAliasClaimsItsName() throws {
        var platform = try Platform()
        platform.edit("models/tiny.yaml", "aliases: [tiny]", "aliases: [tiny, tiny-sql]")
        platform.edit("models/tiny.yaml", "tenants:", Self.adapter.replacing("TENANTS", with: "team"))
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["ref/duplicate-alias"])
        #expect(found.first?.message.contains("adapter 'tiny-sql' (called by its name, it has no alias) of model 'tiny'") == true)
    }

    @Test func twoModelsCannotShareAServedName() throws {
        var platform = try Platform()
        platform.addModel("tiny2", replacing: [("aliases: [tiny]", "aliases: [tiny2]")])
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["ref/duplicate-served-name"])
        #expect(found.first?.span?.start == SourceLocation(file: "models/tiny2.yaml", line: 7, column: 13))
        #expect(found.first?.replacement == "tiny2")
    }

    @Test func adaptersAreServedUnderTheirNames() throws {
        var platform = try Platform()
        platform.edit("models/tiny.yaml", "tenants:", Self.adapter.replacing("TENANTS", with: "team"))
        platform.addModel(
            "tiny2", replacing: [("aliases: [tiny]", "aliases: [tiny2]"), ("servedName: Qwen/Qwen2.5-0.5B-Instruct", "servedName: tiny2")])
        platform.files["models/tiny2.yaml"] = platform.files["models/tiny2.yaml"]!.replacing(
            "- name: tiny-sql", with: "- name: tiny-sql\n      alias: sql2")
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["ref/duplicate-served-name"])
        #expect(
            found.first?.message.hasPrefix(
                "adapter 'tiny-sql' of model 'tiny2' is served as 'tiny-sql', like adapter 'tiny-sql' of model 'tiny'") == true)
        #expect(found.first?.replacement == "tiny2-tiny-sql")
    }

    @Test func aTenantNamedLikeAPlatformOrReservedNamespaceCollides() throws {
        var platform = try Platform()
        platform.edit("platform/mini.yaml", "mini.git\n", "mini.git\n  namespace: gitops\n")
        for name in ["gitops", "llm-serving", "default", "kube-node-lease", "kube-anything"] { platform.addTenant(name, models: "[]") }
        let found = try platform.check().filter { $0.ruleID == "ref/namespace-collision" }
        #expect(found.count == 5)
        let gitops = try #require(found.first { $0.message.contains("'gitops'") })
        #expect(gitops.message.contains("argocd.namespace"))
        #expect(gitops.notes.first?.span?.start.line != nil)
        #expect(gitops.hint == "rename the tenant (its `name` and tenants/gitops.yaml), e.g. 'gitops-team'")
    }

    @Test func namesThatOnlyLookReservedDoNotCollide() throws {
        var platform = try Platform()
        for name in ["kubeflow", "defaults", "serving", "kube"] { platform.addTenant(name, models: "[]") }
        #expect(try platform.check().filter { $0.ruleID == "ref/namespace-collision" }.isEmpty)
    }
}
