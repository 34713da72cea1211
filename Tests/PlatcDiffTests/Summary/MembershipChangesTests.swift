import PlatcDiff
import PlatcFacts
import Testing

/// Tenants, models and the names tenants call, added, removed or moved.
@Suite struct MembershipChangesTests {
    @Test func anAddedTenantListsItselfAndTheQuotaItBrings() throws {
        var base = try SummaryPlatform()
        base.edit("platform/a10.yaml", "nodes: 2", "nodes: 4")
        var head = base
        head.files["tenants/blue.yaml"] = """
            apiVersion: platc.dev/v1alpha1
            kind: Tenant
            name: blue
            ssoGroups: [blue]
            budget: {usd: 5, period: 7d}
            rateLimits: {rpm: 30, tpm: 50000}
            models: [tiny]
            gpuQuota:
              a10: {nominal: 1, borrowingLimit: 1}

            """
        head.edit("models/tiny.yaml", "tenants: [team]", "tenants: [team, blue]")
        let summary = try SummaryPlatform.summary(base, head)
        #expect(
            summary.changes == [
                .change(
                    .tenants, "blue", "added", nil, "namespace blue",
                    "Tenant blue added (namespace blue; budget $5.00 per 7d; 30 rpm, 50,000 tpm)"),
                .change(.gpuQuota, "a10", "quota", "1", "2", "GPU quota on a10: 1 → 2 GPUs of 4"),
                .change(.gpuQuota, "a10/blue", "borrowing limit", nil, "1", "GPU borrowing limit of tenant blue on a10: none → 1 GPU"),
                .change(.gpuQuota, "a10/blue", "quota", nil, "1", "GPU quota of tenant blue on a10: none → 1 GPU (class total 1 → 2 of 4)"),
            ])
        #expect(summary.introduced == [] && summary.resolved == [])
    }

    @Test func aRemovedModelTakesItsNamesAndItsGPUs() throws {
        let base = try SummaryPlatform()
        var head = base
        head.files["models/tiny.yaml"] = nil
        let summary = try SummaryPlatform.summary(base, head)
        #expect(
            summary.changes == [
                .change(.tenants, "team", "callable names", "tiny", "none", "Tenant team may no longer call tiny"),
                .change(.models, "tiny", "removed", "a10 × 1", nil, "Model tiny removed (was 1 a10 GPU per replica; names tiny)"),
                .change(.serving, "a10", "max GPUs", "1", "0", "Serving GPUs on a10 at max replicas: 1 → 0 GPUs of 2"),
                .change(.serving, "a10", "warm floor", "1", "0", "Serving warm floor on a10 (min replicas × TP): 1 → 0 GPUs of 2"),
            ])
        #expect(summary.introduced.map(\.ruleID) == ["ref/unknown-model"])
        #expect(summary.introduced.first?.location == "tenants/team.yaml:10:10")
    }

    @Test func newAliasesAndAdaptersAreNamesTheTenantMayNowCall() throws {
        let base = try SummaryPlatform()
        var head = base
        head.edit("models/tiny.yaml", "aliases: [tiny]", "aliases: [tiny, tiny-chat]")
        head.files["models/tiny.yaml"]! += """
            lora:
              adapters:
                - name: sql-lora
                  alias: tiny-sql
                  image: registry.example.com/adapters/sql@sha256:\(String(repeating: "3", count: 64))
                  tenants: [team]

            """
        let summary = try SummaryPlatform.summary(base, head)
        #expect(
            summary.changes.filter { $0.topic == .tenants || $0.topic == .models } == [
                .change(
                    .tenants, "team", "callable names", "tiny", "tiny, tiny-chat, tiny-sql",
                    "Tenant team may now call tiny-chat and tiny-sql"),
                .change(.models, "tiny-chat", "name added", nil, "tiny", "Name tiny-chat added: calls tiny"),
                .change(.models, "tiny-sql", "name added", nil, "tiny (LoRA sql-lora)", "Name tiny-sql added: calls tiny (LoRA sql-lora)"),
            ])
    }

    @Test func aNameMovedToAnotherModelSaysWhereItWent() throws {
        var base = try SummaryPlatform()
        base.edit("models/tiny.yaml", "aliases: [tiny]", "aliases: [tiny, shared]")
        base.files["models/small.yaml"] = base.files["models/tiny.yaml"]!.replacing("name: tiny", with: "name: small")
            .replacing("aliases: [tiny, shared]", with: "aliases: [small]")
        var head = base
        head.edit("models/tiny.yaml", "aliases: [tiny, shared]", "aliases: [tiny]")
        head.edit("models/small.yaml", "aliases: [small]", "aliases: [small, shared]")
        let summary = try SummaryPlatform.summary(base, head)
        #expect(
            summary.changes == [
                .change(.tenants, "team", "callable names", "shared, tiny", "tiny", "Tenant team may no longer call shared"),
                .change(.models, "shared", "name moved", "tiny", "small", "Name shared now calls small (was tiny)"),
            ])
    }
}
