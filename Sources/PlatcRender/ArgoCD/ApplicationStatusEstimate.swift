/// The bytes an object adds to its Application's status (docs/render-argocd.md, "The size
/// budget"; the structs, the controller's values and the byte counts are in
/// docs/research/argocd-sharding-notes.md, read at Argo CD v3.5.1). Argo CD keeps one
/// `status.resources` entry per object (ResourceStatus) and one
/// `status.operationState.syncResult.resources` entry per object of the last sync
/// (ResourceResult), as compact JSON, and etcd stores the Application whole.
enum ApplicationStatusEstimate {
    /// The rest of an Application's status, whatever its size: about 5.8 KB modelled (10
    /// history entries, the operation state, the sync summary), rounded up for what is not
    /// (managedFields, conditions, images, ignoreDifferences counted twice).
    static let fixedBytes = 16 * 1_024

    /// `{"group":…,"version":…,"kind":…,"namespace":…,"name":…,"status":"Synced","syncWave":-1,
    /// "requiresDeletionConfirmation":true},` then `{…identity…,"status":"Synced","message":
    /// "<kind>[.<group>]/<name> serverside-applied","hookPhase":"Succeeded","syncPhase":"Sync",
    /// "images":[…]},`. No `health`: Argo CD 3.x keeps it out of the Application
    /// (`--persist-resource-health` is off by default).
    static func bytes(of object: KubeObject) -> Int {
        // Lengths only: `apps/v1` is group `apps` and version `v1`, `v1` the core group's.
        let apiVersion = object.apiVersion.utf8.count
        let slash = object.apiVersion.utf8.firstIndex(of: UInt8(ascii: "/")).map {
            object.apiVersion.utf8.distance(from: object.apiVersion.utf8.startIndex, to: $0)
        }
        let group = slash ?? 0
        let version = slash.map { apiVersion - $0 - 1 } ?? apiVersion
        let kind = object.kind.utf8.count, name = object.name.utf8.count
        let namespace = object.namespace?.utf8.count ?? 0
        var wave = 0
        var confirms = false
        for (key, value) in object.annotations {
            if key == Conventions.argocdSyncWaveAnnotation, value != "0" { wave = value.utf8.count }
            if key == Conventions.argocdSyncOptionsAnnotation, value.hasSuffix("=confirm") { confirms = true }
        }
        var status = 52 + version + kind + name
        if group > 0 { status += 11 + group }
        if namespace > 0 { status += 15 + namespace }
        if wave > 0 { status += 12 + wave }
        if confirms { status += 36 }
        // Every field of the identity is written here, empty or not; the message repeats kind,
        // group and name; "Succeeded" is the longer of the two hook phases a synced object shows.
        var result = 145 + group + version + 2 * kind + namespace + 2 * name + 9
        if group > 0 { result += group + 1 }
        let images = containerImages(of: object)
        if !images.isEmpty { result += 11 + images.reduce(0) { $0 + $1.utf8.count + 3 } }
        return status + result + 2
    }

    /// The images of a workload's (non-init) containers, which the sync result lists.
    static func containerImages(of object: KubeObject) -> [String] {
        let spec: YAMLValue?
        switch object.kind {
        case "Deployment", "Job", "StatefulSet", "DaemonSet": spec = object.body["spec"]?.mapValue?["template"]?.mapValue?["spec"]
        case "Pod": spec = object.body["spec"]
        default: return []
        }
        return (spec?.mapValue?["containers"]?.listValue ?? []).compactMap { $0.mapValue?["image"]?.stringValue }
    }
}
