/// Default container requests, so a pod that states none is still admitted under the
/// ResourceQuota (which refuses pods without requests for the resources it caps).
enum TenantLimitRange {
    static let name = "tenant-defaults"

    /// Small enough that a forgotten request costs little quota, large enough for a Python
    /// process to start.
    static let defaultCPURequest = "100m"
    static let defaultMemoryRequest = "256Mi"

    /// No default limits: a default memory limit below an explicit request makes the API server
    /// reject the pod, and CPU limits only throttle; the quota counts requests.
    static func object(_ tenant: TenantObjects) -> KubeObject {
        let limit: YAMLValue = [
            "type": "Container",
            "defaultRequest": ["cpu": .string(defaultCPURequest), "memory": .string(defaultMemoryRequest)],
        ]
        return tenant.object("v1", "LimitRange", name: name, body: ["spec": ["limits": [limit]]])
    }
}
