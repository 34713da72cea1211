import PlatcDiff
import PlatcTestSupport

/// Tiny out/ trees in the two Argo CD layouts: the single Application of earlier platc, and the
/// root app-of-apps with one child per part. What the ownership, move and warning tests compare.
enum ArgoTrees {
    static func application(_ name: String, path: String, prune: Bool = true) -> [UInt8] {
        Array(ArgoApplicationYAML.text(name, path: path, prune: prune).utf8)
    }

    static let namespace = Array("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: search\n".utf8)

    static func quota(gpus: Int) -> [UInt8] {
        Array(
            "apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: tenant-quota\n  namespace: search\nspec:\n  hard:\n    requests.nvidia.com/gpu: '\(gpus)'\n"
                .utf8)
    }

    /// One Application `lab` syncing out/manifests, and two objects.
    static let singleApplication: [String: [UInt8]] = [
        "argocd/application.lab.yaml": application("lab", path: "out/manifests"),
        "manifests/_cluster/namespace.search.yaml": namespace,
        "manifests/search/resourcequota.tenant-quota.yaml": quota(gpus: 2),
        "README.md": Array("# lab\n".utf8),
    ]

    /// The root `lab-root` syncing out/applications, its children, and the same two objects
    /// under manifests/tenants-000/ (the quota raised on the way).
    static func appOfApps(tenantShards: Int = 1, prune: Bool = true, searchShard: Int = 0) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [
            "argocd/application.lab-root.yaml": application("lab-root", path: "out/applications"),
            "applications/application.lab-foundation.yaml": application("lab-foundation", path: "out/manifests/foundation", prune: prune),
            "README.md": Array("# lab\n".utf8),
        ]
        for shard in 0..<tenantShards {
            let part = "tenants-" + String(String(shard + 1000).dropFirst())
            files["applications/application.lab-\(part).yaml"] = application("lab-\(part)", path: "out/manifests/\(part)", prune: prune)
        }
        let part = "tenants-" + String(String(searchShard + 1000).dropFirst())
        files["manifests/\(part)/_cluster/namespace.search.yaml"] = namespace
        files["manifests/\(part)/search/resourcequota.tenant-quota.yaml"] = quota(gpus: 3)
        return files
    }

    /// The change set between two trees, with each side's Applications read from it.
    static func changes(base: [String: [UInt8]], head: [String: [UInt8]]) throws -> ChangeSet {
        try ChangeSet.between(
            base: base, head: head, prefix: "out/",
            applications: ApplicationOwnership.Sides(base: ApplicationOwnership(files: base), head: ApplicationOwnership(files: head)))
    }

    /// The report of a pull request that adopts the app-of-apps layout.
    static func adoptionReport() throws -> DiffReport {
        DiffReport(
            base: DiffReport.Base(revision: "origin/main", commit: "0123456789abcdef0123456789abcdef01234567", subject: "Render lab"),
            outPath: "out", changeSet: try changes(base: singleApplication, head: appOfApps()),
            summary: PlatformSummary(changes: [], introduced: [], resolved: [], baseUnavailable: nil))
    }
}
