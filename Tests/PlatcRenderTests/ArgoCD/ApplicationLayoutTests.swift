import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

@testable import PlatcFacts
@testable import PlatcRender

/// The sharding of tenants and models into Applications: a jump hash that is the same on every
/// machine, moves nothing when a tenant is added and about 1/(K+1) when K grows, over the bench's
/// L tenant names (docs/render-argocd.md, "Shards").
@Suite struct ApplicationLayoutTests {
    /// The L bench platform's tenants, named as platc-bench names them.
    static let tenants = (1...1_000).map { "team-" + String(repeating: "0", count: 5 - String($0).count) + String($0) }

    @Test func bucketsAreTheSameOnEveryMachine() {
        // Pinned: a change here re-shards every platform (docs/render-argocd.md, "Shards").
        #expect(JumpHash.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(JumpHash.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Self.tenants.prefix(8).map { JumpHash.bucket(of: $0, buckets: 17) } == [5, 1, 4, 15, 8, 12, 1, 5])
        #expect(JumpHash.bucket(of: "anything", buckets: 1) == 0)
    }

    @Test func addingATenantMovesNoOther() {
        let before = Self.tenants.map { JumpHash.bucket(of: $0, buckets: 17) }
        let after = (Self.tenants + ["team-01001"]).map { JumpHash.bucket(of: $0, buckets: 17) }
        #expect(Array(after.prefix(before.count)) == before)
    }

    /// K → K+1 moves only tenants into the new shard, and at most n/(K+1) plus three standard
    /// deviations of that binomial count (the margin), for every K from 1 to 99.
    @Test func raisingTheShardCountMovesAboutOneInKPlusOne() {
        let n = Double(Self.tenants.count)
        var report: [String] = []
        for shards in 1...99 {
            let before = Self.tenants.map { JumpHash.bucket(of: $0, buckets: shards) }
            let after = Self.tenants.map { JumpHash.bucket(of: $0, buckets: shards + 1) }
            let moved = zip(before, after).filter { $0 != $1 }
            #expect(moved.allSatisfy { $0.1 == shards }, "K \(shards) → \(shards + 1): a tenant moved between old shards")
            let p = 1 / Double(shards + 1)
            let bound = n * p + 3 * (n * p * (1 - p)).squareRoot()
            #expect(Double(moved.count) <= bound, "K \(shards) → \(shards + 1): \(moved.count) moved, bound \(bound)")
            if [1, 4, 16, 17, 32, 64].contains(shards) {
                report.append("\(shards)→\(shards + 1): \(moved.count) of 1000 (expected \(Int((n * p).rounded())), bound \(Int(bound)))")
            }
        }
        print("sharding L tenants: " + report.joined(separator: "; "))
    }

    @Test func theDefaultRuleSpreadsTheLTenantsEvenly() {
        let shards = ApplicationLayout.defaultShards(Self.tenants.count, per: ArgoCDShardLimits.tenantsPerShard)
        #expect(shards == 17)
        let sizes = Dictionary(grouping: Self.tenants) { JumpHash.bucket(of: $0, buckets: shards) }.mapValues(\.count)
        #expect(sizes.count == shards)
        // Mean 58.8: the largest within 1.5× of it, so the object budget has room.
        #expect(sizes.values.max()! <= 88 && sizes.values.min()! >= 30, "\(sizes.values.sorted())")
    }

    @Test func theDefaultRuleIsOneShardPerSixtyTenantsOrFortyModels() {
        #expect(ApplicationLayout.defaultShards(0, per: 60) == 1)
        #expect(ApplicationLayout.defaultShards(60, per: 60) == 1)
        #expect(ApplicationLayout.defaultShards(61, per: 60) == 2)
        #expect(ApplicationLayout.defaultShards(5_000, per: 60) == 84)
        #expect(ApplicationLayout.defaultShards(1_000, per: 40) == 25)
    }

    @Test func writtenShardCountsOverrideTheRule() throws {
        var platform = try RenderTestPlatform()
        platform.edit("platform/mini.yaml", "argocd:\n", "argocd:\n  shards: {tenants: 4, serving: 2}\n")
        let layout = try platform.context().facts.applications
        #expect(layout.tenantShards == 4 && layout.servingShards == 2)
        #expect(layout.part(of: .tenant("team")) == .tenants(JumpHash.bucket(of: "team", buckets: 4)))
        #expect(layout.part(of: .model("tiny")) == .serving(JumpHash.bucket(of: "tiny", buckets: 2)))
        #expect(layout.part(of: .shared) == .foundation && layout.part(of: .litellm) == .litellm)
    }

    @Test func noFolderIsAPrefixOfAnother() {
        let parts: [ApplicationPart] = [.foundation, .litellm] + (0..<1_000).flatMap { [ApplicationPart.tenants($0), .serving($0)] }
        let folders = parts.map(\.folder).sorted()
        #expect(Set(folders).count == folders.count)
        for (a, b) in zip(folders, folders.dropFirst()) { #expect(!b.hasPrefix(a), "\(a) is a prefix of \(b)") }
        #expect(ApplicationPart.tenants(7).folder == "tenants-007" && ApplicationPart.serving(999).folder == "serving-999")
    }
}
