/// A team that uses the platform: its people, money, rate limits, models and GPU quota.
public struct Tenant: Sendable {
    public enum Priority: String, Sendable, CaseIterable { case low, normal, high }

    public var name: Located<String>
    public var displayName: Located<String>?
    public var ssoGroups: [Located<String>]
    public var budget: Budget
    public var rateLimits: RateLimits
    public var models: [Located<String>]
    public var gpuQuota: [(gpuClass: Located<String>, quota: GPUQuota)]
    public var namespaceQuota: NamespaceQuota
    public var priority: Located<Priority>
    public var span: SourceSpan

    /// Kueue quota on one GPU class.
    public struct GPUQuota: Sendable {
        public var nominal: Located<Int64>
        public var borrowingLimit: Located<Int64>
        public var span: SourceSpan
    }

    /// Non-GPU limits of the tenant's namespace.
    public struct NamespaceQuota: Sendable {
        public var cpu: Located<Quantity>
        public var memory: Located<Quantity>
        public var pods: Located<Int64>
    }

    public static let shape = ObjectShape(
        "Tenant", doc: "A team: SSO groups, budget, rate limits, allowed models and GPU quota.",
        fields: DocumentHeader.fields(.tenant, nameDoc: "Name of the tenant; also its namespace and LiteLLM team id.") + [
            .optional("displayName", .string(.text), "Human-readable name.", example: "Search team"),
            .required(
                "ssoGroups", .list(.string(.text), minItems: 1, unique: true), "SSO groups bound to the tenant's namespace role.",
                example: "[search-admins]"),
            .required("budget", .object(Budget.shape), "LiteLLM team budget."),
            .required("rateLimits", .object(RateLimits.shape), "LiteLLM team rate limits."),
            .optional("models", .list(.string(.dnsLabel), unique: true), "Names of the models this tenant may call.", default: "[]"),
            .optional(
                "gpuQuota", .map(key: .dnsLabel, value: .object(gpuQuotaShape)), "Kueue GPU quota per GPU class name.", default: "{}"),
            .optional("namespaceQuota", .object(namespaceQuotaShape), "ResourceQuota of the tenant's namespace.", default: "{}"),
            .optional(
                "priority", .oneOf(Priority.allCases.map(\.rawValue)), "Kueue workload priority of the tenant's jobs.", default: "normal"),
        ])

    static let gpuQuotaShape = ObjectShape(
        "GPUQuota", doc: "Kueue quota on one GPU class.",
        fields: [
            .required("nominal", .integer(min: 0, max: 100_000), "GPUs guaranteed to the tenant.", example: "2"),
            .optional(
                "borrowingLimit", .integer(min: 0, max: 100_000), "GPUs the tenant may borrow from the cohort beyond nominal.", default: "0"
            ),
        ])

    static let namespaceQuotaShape = ObjectShape(
        "NamespaceQuota", doc: "CPU, memory and pod limits of the tenant's namespace.",
        fields: [
            .optional("cpu", .quantity(.cpu), "CPU requests in total.", default: "16"),
            .optional("memory", .quantity(.memory), "Memory requests in total.", default: "64Gi"),
            .optional("pods", .integer(min: 1, max: 100_000), "Pods in total.", default: "50"),
        ])

    init(_ r: FieldReader) throws {
        name = try r.string("name")
        displayName = try r.optionalString("displayName")
        ssoGroups = try r.strings("ssoGroups")
        budget = try r.object("budget", Budget.init)
        rateLimits = try r.object("rateLimits", RateLimits.init)
        models = try r.strings("models")
        gpuQuota = try r.map("gpuQuota") { value in
            let q = try FieldReader(value)
            return GPUQuota(nominal: try q.integer("nominal"), borrowingLimit: try q.integer("borrowingLimit"), span: value.span)
        }.map { (gpuClass: $0.key, quota: $0.value) }
        namespaceQuota = try r.object("namespaceQuota") {
            NamespaceQuota(cpu: try $0.quantity("cpu"), memory: try $0.quantity("memory"), pods: try $0.integer("pods"))
        }
        priority = try r.choice("priority", as: Priority.self)
        span = r.span
    }
}
