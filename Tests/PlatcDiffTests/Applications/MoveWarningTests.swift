import PlatcDiff
import Testing

/// An object that changes Application is a move, never a removal and an addition; the warning
/// says what the old Application may do to it, and how to avoid it.
@Suite struct MoveWarningTests {
    /// The pull request that adopts the app-of-apps layout: `lab` goes, the objects move to lab-tenants-000.
    @Test func adoptingAppOfAppsMovesTheObjectsOutOfTheOldApplication() throws {
        let set = try ArgoTrees.changes(base: ArgoTrees.singleApplication, head: ArgoTrees.appOfApps())
        let moves = set.changes.filter(\.isMove)
        #expect(moves.map(\.title) == ["Namespace search", "ResourceQuota search/tenant-quota"])
        #expect(moves.allSatisfy { $0.previousApplication == "lab" && $0.application == "lab-tenants-000" })
        #expect(moves.map(\.applicationNote) == Array(repeating: "moved from Application lab to lab-tenants-000", count: 2))
        // The objects are never removed and added: only the Applications themselves are.
        #expect(set.changes.filter { $0.change == .removed }.map(\.path) == ["out/argocd/application.lab.yaml"])
        #expect(!set.changes.contains { $0.change == .added && $0.family != .argoCD })
        #expect(set.moved == 2)
        let child = try #require(set.changes.first { $0.path == "out/applications/application.lab-tenants-000.yaml" })
        #expect(child.applicationNote == "Application lab-root")
        #expect(set.changes.first { $0.path == "out/argocd/application.lab.yaml" }?.application == nil)
    }

    @Test func theOldApplicationGoneMustBeDeletedWithoutCascade() throws {
        let set = try ArgoTrees.changes(base: ArgoTrees.singleApplication, head: ArgoTrees.appOfApps())
        let warning = try #require(set.moveWarnings.only)
        #expect(warning.risk == .oldApplicationRemoved)
        #expect(
            warning.message
                == "2 objects move from Application lab, which this render no longer has: delete it without cascade before the new "
                + "Applications sync: kubectl -n argocd delete application lab (platc never sets the resources finalizer, so deleting it "
                + "leaves its objects; docs/render-argocd.md, \"Moving objects between Applications\").")
        #expect(warning.fragments.contains(.code("kubectl -n argocd delete application lab")))
    }

    /// Two shards where there was one: the search tenant moves from tenants-000 to tenants-001,
    /// and tenants-000 is still rendered and prunes.
    @Test func anOldApplicationThatStillPrunesIsWarnedOf() throws {
        let set = try ArgoTrees.changes(
            base: ArgoTrees.appOfApps(tenantShards: 1), head: ArgoTrees.appOfApps(tenantShards: 2, searchShard: 1))
        #expect(set.moved == 2)
        #expect(
            set.changes.filter(\.isMove).allSatisfy { $0.applicationNote == "moved from Application lab-tenants-000 to lab-tenants-001" })
        let warning = try #require(set.moveWarnings.only)
        #expect(warning.risk == .oldApplicationPrunes)
        #expect(
            warning.message
                == "2 objects move between Applications while lab-tenants-000 prunes: if it syncs before the new owner, Argo CD deletes "
                + "them first (argo-cd#16721). Commit argocd.prune: false first, then this change, then remove it "
                + "(docs/render-argocd.md, \"Moving objects between Applications\").")
    }

    /// One shard where there were two: the root deletes the gone shard without cascade, and until
    /// then its missing folder is a comparison error, from which Argo CD never prunes. No warning.
    @Test func aShardTheRootNoLongerRendersIsSafe() throws {
        let set = try ArgoTrees.changes(
            base: ArgoTrees.appOfApps(tenantShards: 2, searchShard: 1), head: ArgoTrees.appOfApps(tenantShards: 1))
        #expect(set.moved == 2)
        #expect(
            set.changes.filter(\.isMove).allSatisfy { $0.applicationNote == "moved from Application lab-tenants-001 to lab-tenants-000" })
        #expect(set.moveWarnings.isEmpty)
    }

    /// `argocd.prune: false` committed first: the same move is safe, nothing to warn of.
    @Test func anOldApplicationThatDoesNotPruneIsSafe() throws {
        let set = try ArgoTrees.changes(
            base: ArgoTrees.appOfApps(tenantShards: 1, prune: false),
            head: ArgoTrees.appOfApps(tenantShards: 2, prune: false, searchShard: 1))
        #expect(set.moved == 2)
        #expect(set.moveWarnings.isEmpty)
    }

    /// A rename inside one Application (a new file name scheme) is no move.
    @Test func aRenameWithinOneApplicationIsNoMove() throws {
        var head = ArgoTrees.singleApplication
        head["manifests/search/resourcequota.tenant-quota.yaml"] = nil
        head["manifests/search/quota.tenant-quota.yaml"] = ArgoTrees.quota(gpus: 2)
        let set = try ArgoTrees.changes(base: ArgoTrees.singleApplication, head: head)
        let rename = try #require(set.changes.only)
        #expect(rename.change == .renamed && !rename.isMove)
        #expect(rename.applicationNote == "Application lab")
        #expect(set.moveWarnings.isEmpty)
        let summary = PlatformSummary(changes: [], introduced: [], resolved: [], baseUnavailable: nil)
        let report = DiffReport(base: .init(revision: "HEAD", commit: nil, subject: nil), outPath: "out", changeSet: set, summary: summary)
        #expect(report.plan == "Plan: +0 ~1 -0 objects (1 renamed)")
    }

    @Test func thePlanCountsMovesApartFromRenames() throws {
        let report = try ArgoTrees.adoptionReport()
        #expect(report.plan == "Plan: +3 ~2 -1 objects (2 moved between Applications)")
    }

    /// Several old Applications in one warning each, named in order, with one command per namespace.
    @Test func severalOldApplicationsAreListedOnce() {
        let gone = MoveWarning(
            risk: .oldApplicationRemoved,
            applications: [
                .init(name: "lab-tenants-003", folder: "manifests/tenants-003", prunes: true),
                .init(name: "lab-tenants-002", folder: "manifests/tenants-002", prunes: true),
            ], objects: 1)
        #expect(
            gone.message
                == "1 object moves from Applications lab-tenants-002 and lab-tenants-003, which this render no longer has: delete them "
                + "without cascade before the new Applications sync: kubectl -n argocd delete application lab-tenants-002 lab-tenants-003 "
                + "(platc never sets the resources finalizer, so deleting them leaves their objects; docs/render-argocd.md, \"Moving "
                + "objects between Applications\").")
        let pruning = MoveWarning(risk: .oldApplicationPrunes, applications: gone.applications, objects: 1)
        #expect(
            pruning.message.hasPrefix(
                "1 object moves between Applications while lab-tenants-002 and lab-tenants-003 prune: if one syncs before the new owner, Argo CD deletes it first"
            ))
    }
}

extension Collection {
    /// The one element, or nil when there are none or several.
    fileprivate var only: Element? { count == 1 ? first : nil }
}
