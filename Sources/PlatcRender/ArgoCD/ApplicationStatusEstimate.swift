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
        let group = ArgoCDNames.group(of: object.apiVersion).utf8.count
        let version = ArgoCDNames.version(of: object.apiVersion).utf8.count
        let kind = object.kind.utf8.count, name = object.name.utf8.count
        let namespace = object.namespace?.utf8.count ?? 0
        let wave = object.annotations.first { $0.0 == Conventions.argocdSyncWaveAnnotation }?.1 ?? "0"
        let confirms = object.annotations.contains { $0.0 == Conventions.argocdSyncOptionsAnnotation && $0.1.contains("=confirm") }
        var status = 52 + version + kind + name
        if group > 0 { status += 11 + group }
        if namespace > 0 { status += 15 + namespace }
        if wave != "0" { status += 12 + wave.utf8.count }
        if confirms { status += 36 }
        // Every field of the identity is written here, empty or not; the message repeats kind,
        // group and name; "Succeeded" is the longer of the two hook phases a synced object shows.
        var result = 145 + group + version + 2 * kind + namespace + 2 * name + "Succeeded".utf8.count
        if group > 0 { result += group + 1 }
        let images = containerImages(of: object)
        if !images.isEmpty { result += 11 + images.reduce(0) { $0 + $1.utf8.count + 3 } }
        return status + result + 2
    }

    /// The images of a workload's (non-init) containers, which the sync result lists.
    static func containerImages(of object: KubeObject) -> [String] {
        let template: YAMLValue?
        switch object.kind {
        case "Deployment", "Job", "StatefulSet", "DaemonSet": template = YAMLValue.map(object.body)[path: "spec.template.spec"]
        case "Pod": template = YAMLValue.map(object.body)[path: "spec"]
        default: return []
        }
        return (template?[path: "containers"]?.listValue ?? []).compactMap { $0[path: "image"]?.stringValue }
    }
}
