import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

@testable import PlatcChecks
@testable import PlatcFacts

/// The quota/* rules on small changes to the minimal platform (a10: 2 nodes × 1 GPU; model tiny,
/// min 1 × TP 1; tenant team, nominal 1 on a10, $50 of the platform's $100.00 per 30d).
@Suite struct QuotaCheckTests {
    // MARK: - Clean platforms

    @Test func theMinimalAndTheDefaultPlatformAreClean() throws {
        #expect(try QuotaPlatform().check().isEmpty)
        let spec = try #require(Loader().load(try SourceTree.reading(Paths.packageRoot)).spec)
        #expect(Self.quota(spec).isEmpty)
    }

    // MARK: - GPU pools

    @Test func warmFloorCountsTensorParallelism() throws {
        let platform = try QuotaPlatform()
        try platform.edit("platform/a10.yaml") { $0.replacingOccurrences(of: "gpusPerNode: 1\nnodes: 2", with: "gpusPerNode: 2\nnodes: 1") }
        try platform.serving(tensorParallel: 2, min: 2, max: 2)
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["quota/warm-floor"], "warm floor suppresses max-replicas and nominal: \(found)")
        let finding = try #require(found.first)
        #expect(finding.message.contains("is 4 GPUs") && finding.message.contains("2 GPUs (1 node × 2 GPUs per node)"))
        #expect(finding.span?.file == "platform/a10.yaml" && finding.span?.start.line == 7)
        #expect(finding.notes.first?.message == "'tiny' keeps 2 replicas × 2 GPUs = 4 GPUs warm")
        #expect(finding.notes.first?.span?.file == "models/tiny.yaml")
        // Room for the warm floor and the tenants' nominal quota, or nominal-over-capacity fires next.
        #expect(finding.hint == "nodes: 3 (6 GPUs), or lower min replicas by 2 GPUs in total")
    }

    /// The case: `min: 1` on every zero-floor model would break the warm floor; the hint
    /// spends the spare GPU on the first model only and says `autoscaling: none` to the next.
    @Test func zeroFloorHintsPassTheChecksTheyWouldTrigger() throws {
        let platform = try QuotaPlatform()
        try platform.serving(min: 0, max: 1)
        try platform.model("other", rateLimits: nil)
        try platform.edit("models/other.yaml") {
            $0.replacingOccurrences(
                of: "  gpuMemoryUtilization: 0.8\n", with: "  gpuMemoryUtilization: 0.8\n  replicas: {min: 0, max: 1}\n")
        }
        // a10: 2 GPUs, the team's nominal 1: one GPU to spare.
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["quota/zero-floor", "quota/zero-floor"])
        #expect(
            found.map(\.hint) == [
                "min: 1", "serving.autoscaling: none (idle at zero, scaled by hand): GPU class 'a10' has no GPU to spare for min: 1",
            ])
        try platform.edit("models/other.yaml") { $0.replacingOccurrences(of: "{min: 0, max: 1}", with: "{min: 1, max: 1}") }
        try platform.edit("models/tiny.yaml") {
            $0.replacingOccurrences(of: "{min: 0, max: 1}\n", with: "{min: 0, max: 1}\n  autoscaling: none\n")
        }
        #expect(try platform.check().isEmpty, "both hints applied: no quota finding")
    }

    @Test func timeSlicingMultipliesTheAdvertisedGPUs() throws {
        let platform = try QuotaPlatform()
        try platform.edit("platform/a10.yaml") { $0 + "timeSlicing: {replicas: 4}\n" }
        try platform.serving(min: 7, max: 7)
        #expect(try platform.check().isEmpty, "8 advertised GPUs = 7 warm + 1 nominal")
        try platform.serving(min: 8, max: 8)
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["quota/nominal-over-capacity"])
        #expect(found.first?.message.contains("8 GPUs (2 nodes × 1 GPU per node × 4 time-slices)") == true)
        #expect(found.first?.hint?.hasPrefix("nodes: 3 (12 GPUs)") == true)
    }

    @Test func maxReplicasWarnAtThePeakOnly() throws {
        let platform = try QuotaPlatform()
        try platform.serving(min: 1, max: 2)
        #expect(try platform.check().isEmpty)
        try platform.serving(min: 1, max: 3)
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["quota/max-replicas"] && found.first?.severity == .warning)
        #expect(found.first?.notes.first?.message == "'tiny' scales to 3 replicas × 1 GPU = 3 GPUs")
    }

    @Test func nominalQuotaSharesThePoolWithTheWarmFloor() throws {
        let platform = try QuotaPlatform()
        try platform.tenant("team", quota: "{nominal: 2}")
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["quota/nominal-over-capacity"])
        #expect(found.first?.message.contains("keeps 1, leaving 1") == true)
        #expect(found.first?.notes.map(\.span?.file) == ["tenants/team.yaml"])
        #expect(found.first?.hint == "nodes: 3 (3 GPUs), or lower the tenants' nominal quota on 'a10' by 1 GPU (to 1 in total)")
    }

    @Test func namesThatDoNotResolveAreSkipped() throws {
        let platform = try QuotaPlatform()
        try platform.edit("models/tiny.yaml") { $0.replacingOccurrences(of: "gpuClass: a10", with: "gpuClass: h100") }
        try platform.tenant("team", quota: "{nominal: 2}\n  h100: {nominal: 9, borrowingLimit: 9}", models: "[tiny, nowhere]")
        #expect(try platform.check().isEmpty, "only ref/* reports h100 and nowhere")
    }

    @Test func borrowingIsBoundedByTheOtherTenantsNominalQuota() throws {
        let platform = try QuotaPlatform()
        try platform.edit("platform/a10.yaml") { $0.replacingOccurrences(of: "nodes: 2", with: "nodes: 6") }
        try platform.tenant("team", quota: "{nominal: 1, borrowingLimit: 3}")
        try platform.tenant("blue", quota: "{nominal: 2, borrowingLimit: 1}", budget: "10")
        try platform.tenant("red", quota: "{nominal: 1}", budget: "10")
        #expect(try platform.check().isEmpty, "team may borrow blue 2 + red 1; blue may borrow 2")
        try platform.tenant("team", quota: "{nominal: 1, borrowingLimit: 4}")
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["quota/borrowing-limit"])
        #expect(found.first?.span?.file == "tenants/team.yaml")
        #expect(
            found.first?.notes.map(\.message) == [
                "'blue' can lend its 2 GPUs of nominal quota", "'red' can lend its 1 GPU of nominal quota",
            ])
        #expect(found.first?.hint == "lower borrowingLimit to 3")
    }

    // MARK: - Budgets

    @Test func budgetsWithTheSamePeriodAddUpExactly() throws {
        let platform = try QuotaPlatform()
        try platform.tenant("blue")
        #expect(try platform.check().isEmpty, "50 + 50 = 100")
        try platform.tenant("blue", budget: "50.000001")
        let finding = try #require(try platform.check().first)
        #expect(finding.ruleID == "quota/budget-overcommit")
        #expect(finding.message == "the tenants' budgets add up to $100.000001 per 30d, more than the platform budget of $100.00 per 30d")
        #expect(finding.span?.file == "platform/mini.yaml")
        #expect(finding.notes.map(\.message) == ["'blue' budgets $50.000001 per 30d", "'team' budgets $50.00 per 30d"])
    }

    @Test func aMonthIsThirtyDays() throws {
        let platform = try QuotaPlatform()
        try platform.tenant("team", budget: "100", period: "1mo")
        #expect(try platform.check().isEmpty)
        try platform.tenant("team", budget: "3.333334", period: "1d")
        #expect(try platform.check().map(\.ruleID) == ["quota/budget-overcommit"], "3.333334 × 30 > 100")
        try platform.tenant("team", budget: "3.333333", period: "1d")
        #expect(try platform.check().isEmpty, "3.333333 × 30 = 99.99999")
        try platform.tenant("team", budget: "0.138888", period: "1h")
        #expect(try platform.check().isEmpty, "0.138888 × 720 = 99.99936")
    }

    @Test func theHintsValuesPass() throws {
        let platform = try QuotaPlatform()
        try platform.tenant("team", budget: "33", period: "7d")
        let hint = try #require(try platform.check().first?.hint)
        #expect(
            hint
                == "budget.usd: 141.428572, declare budget.overcommit: 1.414286, or lower the tenants' budgets by $41.428572 per 30d"
        )
        try platform.budget("usd: 141.428572")
        #expect(try platform.check().isEmpty)
        try platform.budget("usd: 141.428571")
        #expect(try platform.check().count == 1)
        try platform.budget("usd: 100\n  overcommit: 1.414286")
        #expect(try platform.check().isEmpty)
        try platform.budget("usd: 100\n  overcommit: 1.414285")
        #expect(try platform.check().first?.message.contains("× overcommit 1.414285 = $141.4285") == true)
    }

    @Test func manyTenantsPrintTheLargestAndSumTheRest() throws {
        let platform = try QuotaPlatform()
        for (index, name) in ["a", "b", "c", "d", "e", "f", "g"].enumerated() {
            try platform.tenant(name, budget: "\(10 + index)")
        }
        let finding = try #require(try platform.check().first)
        #expect(finding.notes.count == Contributions.limit + 1)
        #expect(finding.notes.prefix(2).map(\.message) == ["'team' budgets $50.00 per 30d", "'g' budgets $16.00 per 30d"])
        #expect(finding.notes.last?.message == "and 3 more tenants: $33.00 per 30d", "c 12 + b 11 + a 10")
        #expect(finding.notes.last?.span == nil)
    }

    // MARK: - Rate limits, LoRA, prices

    @Test func rateLimitsCompareWithEveryModelTogether() throws {
        let platform = try QuotaPlatform()
        try platform.edit("models/tiny.yaml") { $0 + "rateLimits: {rpm: 40, tpm: 60000}\n" }
        try platform.model("small", rateLimits: "{rpm: 20, tpm: 30000}")
        try platform.tenant("team", models: "[tiny, small]", tpm: 90000)
        #expect(try platform.check().isEmpty, "60 rpm = 40 + 20")
        try platform.tenant("team", models: "[tiny, small]", tpm: 90001)
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["quota/rate-limit"])
        #expect(found.first?.message == "tenant 'team' may send 90001 tokens per minute, but the 2 models it may use accept 90000 together")
        #expect(found.first?.hint == "lower tpm to 90000, or raise the models' tpm")
        try platform.model("small", rateLimits: nil)
        #expect(try platform.check().isEmpty, "a model without limits accepts any rate")
    }

    /// LiteLLM splits a model's limit over its names (aliases and adapters): a tenant that may call
    /// only some of them reaches only their shares.
    @Test func rateLimitsCountOnlyTheNamesATenantMayCall() throws {
        let platform = try QuotaPlatform()
        let lora = QuotaPlatform.lora(slots: 2, adapters: 2).replacingOccurrences(
            of: "      tenants: [team]\n", with: "      tenants: [other]\n")
        try platform.edit("models/tiny.yaml") { $0 + "rateLimits: {rpm: 90, tpm: 90000}\n" + lora }
        try platform.tenant("team", models: "[tiny]", rpm: 30, tpm: 30000)
        #expect(try platform.check().isEmpty, "the alias, one of 3 names, takes 30 rpm and 30000 tpm")
        try platform.tenant("team", models: "[tiny]", rpm: 30, tpm: 30001)
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["quota/rate-limit"])
        #expect(found.first?.message == "tenant 'team' may send 30001 tokens per minute, but its only model accepts 30000")
        #expect(
            found.first?.notes.map(\.message) == [
                "'tiny' accepts 30000 of its 90000 tokens per minute from this tenant: LiteLLM splits the limit over its 3 names "
                    + "and the tenant may call 1 of them"
            ])
    }

    @Test func loraAdaptersFitTheirSlots() throws {
        let platform = try QuotaPlatform()
        try platform.edit("models/tiny.yaml") { $0 + QuotaPlatform.lora(slots: 1, adapters: 3) }
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["quota/lora-adapters"])
        #expect(found.first?.notes.map(\.message) == ["'a2-lora' is adapter 2 of 3", "'a3-lora' is adapter 3 of 3"])
        #expect(found.first?.hint == "lora.maxLoras: 3, or serve at most 1 adapter on 'tiny'")
    }

    @Test func pricesMustMakeSpendCount() throws {
        let platform = try QuotaPlatform()
        try platform.edit("models/tiny.yaml") {
            $0.replacingOccurrences(
                of: "inputPerMillion: 0.01\n  outputPerMillion: 0.02", with: "inputPerMillion: 0\n  outputPerMillion: 0")
        }
        let found = try platform.check()
        #expect(found.map(\.ruleID) == ["quota/missing-price", "quota/missing-price"])
        #expect(found.map { $0.span?.start.line } == [21, 22])
        #expect(found.first?.notes.map(\.message) == ["'team' has a budget of $50.00 per 30d"])
        try platform.edit("models/tiny.yaml") {
            $0.replacingOccurrences(of: "status: ga\n", with: "status: ga\nmode: embedding\n")
        }
        #expect(try platform.check().map { $0.span?.start.line } == [22], "an embedding model has no output tokens to price")
    }

    // MARK: - Arithmetic

    @Test func budgetPeriodsInHours() {
        #expect(["12h", "7d", "30d", "1mo", "9999mo"].map(BudgetPeriod.hours) == [12, 168, 720, 720, 7_199_280])
        #expect(["30", "0d", "1w", "d", "1.5d"].allSatisfy { BudgetPeriod.hours($0) == nil })
    }

    @Test func scalingIsExactAndSaturates() {
        typealias S = Saturating
        #expect(S.scale(7, by: 1, over: 2, roundingUp: true) == 4 && S.scale(7, by: 1, over: 2, roundingUp: false) == 3)
        #expect(S.scale(1_000_000_000_000_000_000, by: 7_199_280, over: 7_199_280, roundingUp: true) == 1_000_000_000_000_000_000)
        #expect(S.scale(1_000_000_000_000_000_000, by: 7_199_280, over: 1, roundingUp: false) == .max)
        #expect(S.scale(.max, by: 1, over: 1, roundingUp: true) == .max)
        #expect(S.add(.max, 1) == .max && S.add(2, 3) == 5)
    }

    // MARK: - Helpers

    static func quota(_ spec: Spec) -> [Diagnostic] {
        var context = CheckContext(facts: Facts(spec))
        CheckPipeline.run(family: "quota", &context)
        return context.diagnostics.sorted
    }
}
