/// The tenant's LocalQueue, the one queue its Jobs name (`kueue.x-k8s.io/queue-name: default`),
/// pointing at the tenant's ClusterQueue.
enum TenantLocalQueue {
    static func object(_ tenant: TenantObjects) -> KubeObject {
        let spec: YAMLValue = [
            "clusterQueue": .string(KueueNames.clusterQueue(for: tenant.tenant)),
            // Kueue's default, written out so Argo CD sees no drift.
            "stopPolicy": "None",
        ]
        return tenant.object(KueueNames.apiVersion, "LocalQueue", name: Conventions.tenantLocalQueueName, body: ["spec": spec])
    }
}
