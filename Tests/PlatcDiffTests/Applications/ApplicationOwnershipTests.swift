import PlatcDiff
import Testing

/// Which Application syncs a file: by the longest whole-component folder prefix, from either layout.
@Suite struct ApplicationOwnershipTests {
    private let appOfApps = ApplicationOwnership(
        applications: [
            .init(name: "lab-root", folder: "applications", prunes: true),
            .init(name: "lab-tenants-1", folder: "manifests/tenants-1", prunes: true),
            .init(name: "lab-tenants-10", folder: "manifests/tenants-10", prunes: false),
            .init(name: "lab-all", folder: "manifests", prunes: true),
        ])

    @Test func aFolderOwnsWholeComponentsOnly() {
        #expect(appOfApps.owner(of: "manifests/tenants-10/search/namespace.yaml")?.name == "lab-tenants-10")
        #expect(appOfApps.owner(of: "manifests/tenants-1/search/namespace.yaml")?.name == "lab-tenants-1")
        #expect(appOfApps.owner(of: "manifests/tenants-1x.yaml")?.name == "lab-all")
        #expect(appOfApps.owner(of: "manifestsx/a.yaml") == nil)
    }

    @Test func theLongestFolderWins() {
        #expect(appOfApps.owner(of: "manifests/tenants-1/_cluster/clusterqueue.search.yaml")?.name == "lab-tenants-1")
        #expect(appOfApps.owner(of: "manifests/foundation/_cluster/namespace.litellm.yaml")?.name == "lab-all")
        #expect(appOfApps.owner(of: "applications/application.lab-tenants-1.yaml")?.name == "lab-root")
    }

    @Test func filesOutsideEveryApplicationHaveNone() {
        for path in ["README.md", "catalog/index.html", "litellm/config.yaml", "argocd/application.lab-root.yaml"] {
            #expect(appOfApps.owner(of: path) == nil, "\(path)")
        }
    }

    @Test func theSingleApplicationOfEarlierPlatcOwnsAllOfManifests() {
        let ownership = ApplicationOwnership(files: ArgoTrees.singleApplication)
        #expect(ownership.applications == [.init(name: "lab", namespace: "argocd", folder: "manifests", prunes: true)])
        #expect(ownership.owner(of: "manifests/search/resourcequota.tenant-quota.yaml")?.name == "lab")
        #expect(ownership.owner(of: "README.md") == nil)
    }

    @Test func appOfAppsIsReadFromArgocdAndApplications() {
        let ownership = ApplicationOwnership(files: ArgoTrees.appOfApps(tenantShards: 2, prune: false))
        #expect(ownership.applications.map(\.name) == ["lab-tenants-000", "lab-tenants-001", "lab-foundation", "lab-root"])
        #expect(ownership.application(named: "lab-tenants-001")?.prunes == false)
        #expect(ownership.application(named: "lab-root")?.folder == "applications")
        #expect(ownership.owner(of: "manifests/tenants-000/search/resourcequota.tenant-quota.yaml")?.name == "lab-tenants-000")
    }

    /// Only argocd/ and applications/ are parsed: an Application anywhere else is an object to
    /// sync, not one that says what syncs.
    @Test func onlyArgocdAndApplicationsAreRead() {
        let ownership = ApplicationOwnership(files: [
            "manifests/argocd/application.other.yaml": ArgoTrees.application("other", path: "out/manifests"),
            "applications/notes.txt": ArgoTrees.application("notes", path: "out/manifests"),
            "applications/application.lab-serving-000.yaml": ArgoTrees.application("lab-serving-000", path: "out/manifests/serving-000"),
        ])
        #expect(ownership.applications.map(\.name) == ["lab-serving-000"])
    }

    /// `platc diff` never reads a base file whose blob equals the render's: an Application
    /// unchanged since the base still owns its files there, read from the render.
    @Test func anApplicationIdenticalToTheRendersOwnsAtTheBaseToo() {
        let render = ArgoTrees.appOfApps(tenantShards: 2, searchShard: 1)
        let base = ArgoTrees.appOfApps(tenantShards: 1).filter { $0.key.hasPrefix("manifests/") }
        let identical = Set(["argocd/application.lab-root.yaml", "applications/application.lab-tenants-000.yaml"])
        let sides = ApplicationOwnership.Sides(base: base, identical: identical, render: render)
        #expect(sides.base.applications.map(\.name) == ["lab-tenants-000", "lab-root"])
        #expect(sides.base.owner(of: "manifests/tenants-000/search/resourcequota.tenant-quota.yaml")?.name == "lab-tenants-000")
        #expect(sides.head.applications.map(\.name) == ["lab-tenants-000", "lab-tenants-001", "lab-foundation", "lab-root"])
    }

    @Test(arguments: [
        ("out/manifests", "manifests"), ("platforms/lab/out/manifests/tenants-003", "manifests/tenants-003"),
        ("./out/applications/", "applications"), ("manifests", "manifests"), ("out/manifests/x/manifests/y", "manifests/y"),
    ])
    func sourcePathsAreMadeOutRelative(path: String, folder: String) {
        let ownership = ApplicationOwnership(files: ["argocd/application.a.yaml": ArgoTrees.application("a", path: path)])
        #expect(ownership.applications.first?.folder == folder)
    }

    /// An Application whose path is not platc's (a Helm chart, out/ itself) owns nothing here.
    @Test func aSourcePathWithoutManifestsOrApplicationsOwnsNothing() {
        let ownership = ApplicationOwnership(files: ["argocd/application.a.yaml": ArgoTrees.application("a", path: "out")])
        #expect(ownership.applications.isEmpty)
    }

    /// `prune` is false unless written true: Argo CD's default.
    @Test func pruneIsFalseUnlessWritten() {
        let text = String(decoding: ArgoTrees.application("a", path: "out/manifests"), as: UTF8.self)
            .replacingOccurrences(of: "      prune: true\n", with: "")
        let ownership = ApplicationOwnership(files: ["argocd/application.a.yaml": Array(text.utf8)])
        #expect(ownership.applications.first?.prunes == false)
    }
}
