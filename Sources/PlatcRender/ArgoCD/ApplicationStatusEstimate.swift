/// The bytes an object adds to its Application's status (docs/render-argocd.md, "The size
/// budget"; docs/research/argocd-sharding-notes.md). Argo CD keeps one `status.resources` entry
/// per object (ResourceStatus) and one `status.operationState.syncResult.resources` entry per
/// object of the last sync (ResourceResult); both are JSON as encoding/json writes them, and
/// etcd stores the Application whole.
enum ApplicationStatusEstimate {
    /// What the rest of an Application's status holds whatever its size: the sync and health
    /// summaries, the compared source, 10 history entries, conditions.
    static let fixedBytes = 8 * 1024

    static func bytes(of object: KubeObject) -> Int {
        let group = ArgoCDNames.group(of: object.apiVersion)
        let version = ArgoCDNames.version(of: object.apiVersion)
        // "group":"…", (omitted when empty) "version":"…","kind":"…","namespace":"…", (omitted
        // when cluster-scoped) "name":"…"
        var identity = 10 + version.utf8.count + 8 + object.kind.utf8.count + 8 + object.name.utf8.count + 2
        if !group.isEmpty { identity += 10 + group.utf8.count }
        if let namespace = object.namespace { identity += 14 + namespace.utf8.count }
        // ResourceStatus: {identity,"status":"Synced","health":{"status":"Healthy"},"syncWave":-1},
        let wave = object.annotations.first { $0.0 == Conventions.argocdSyncWaveAnnotation }?.1 ?? "0"
        let status = 1 + identity + 18 + 30 + (wave == "0" ? 0 : 12 + wave.utf8.count) + 2
        // ResourceResult: {identity,"status":"Synced","message":"<resource>/<name> serverside-applied",
        // "hookPhase":"Running","syncPhase":"Sync"},
        let resource = object.kind.lowercased() + (group.isEmpty ? "" : "." + group)
        let message = 11 + resource.utf8.count + 1 + object.name.utf8.count + 20 + 1
        let result = 1 + identity + 18 + message + 22 + 19 + 2
        return status + result
    }
}
