/// A pool of identical GPUs: what they are, how many, and how pods reach their nodes.
public struct GPUClass: Sendable {
    public var name: Located<String>
    public var product: Located<String>
    public var memory: Located<Quantity>
    public var visibleMemory: Located<Quantity>?
    public var gpusPerNode: Located<Int64>
    public var nodes: Located<Int64>
    /// What one node can give pods; nil: platc assumes its per-product default, if it has one.
    public var node: NodeAllocatable?
    public var nodeSelector: [(key: Located<String>, value: Located<String>)]
    public var tolerations: [Toleration]
    public var timeSlicing: TimeSlicing?
    public var costPerGPUHour: Located<USD>?
    public var span: SourceSpan

    public struct Toleration: Sendable {
        public var key: Located<String>
        public var `operator`: Located<String>
        public var value: Located<String>?
        public var effect: Located<String>?
    }

    /// A node's allocatable CPU and memory (capacity less what the kubelet and system reserve).
    public struct NodeAllocatable: Sendable {
        public var cpu: Located<Quantity>
        public var memory: Located<Quantity>
        public var span: SourceSpan
    }

    public struct TimeSlicing: Sendable {
        public var replicas: Located<Int64>
    }

    public static let shape = ObjectShape(
        "GPUClass", doc: "A pool of identical GPUs and how pods are scheduled onto it.",
        fields: DocumentHeader.fields(.gpuClass, nameDoc: "Name of the GPU class, used by models and tenant quotas.") + [
            .required(
                "product", .string(.text), "GPU product as the NVIDIA GPU feature discovery labels it.", example: "NVIDIA-H100-80GB-HBM3"),
            .required("memory", .quantity(.memory), "Memory per GPU as sold (e.g. 80Gi for an H100 80GB).", example: "80Gi"),
            .optional(
                "visibleMemory", .quantity(.memory), "Memory CUDA reports per GPU, when it differs from the product table (e.g. 79.18Gi).",
                example: "79.18Gi"),
            .required("gpusPerNode", .integer(min: 1, max: 64), "GPUs on each node.", example: "8"),
            .required("nodes", .integer(min: 0, max: 100_000), "Nodes in the pool.", example: "2"),
            .optional(
                "node", .object(nodeShape),
                "Allocatable CPU and memory of one node (kubectl describe node: Allocatable); a default per GPU product when absent (docs/node-sizing.md)."
            ),
            .optional(
                "nodeSelector", .map(key: .labelKey, value: .string(.labelValue)), "Node labels that select this pool.", default: "{}"),
            .optional("tolerations", .list(.object(tolerationShape)), "Tolerations for the pool's taints.", default: "[]"),
            .optional(
                "timeSlicing", .object(timeSlicingShape),
                "NVIDIA time-slicing: each GPU is advertised this many times (no memory isolation)."),
            .optional("costPerGPUHour", .usd, "What one GPU costs per hour, in US dollars.", example: "2.5"),
        ])

    static let tolerationShape = ObjectShape(
        "Toleration", doc: "A Kubernetes toleration.",
        fields: [
            .required("key", .string(.labelKey), "Taint key.", example: "nvidia.com/gpu"),
            .optional("operator", .oneOf(["Exists", "Equal"]), "How the value is matched.", default: "Equal"),
            .optional("value", .string(.labelValue), "Taint value (with Equal).", example: "present"),
            .optional(
                "effect", .oneOf(["NoSchedule", "PreferNoSchedule", "NoExecute"]), "Taint effect to tolerate; all when absent.",
                example: "NoSchedule"),
        ])

    static let nodeShape = ObjectShape(
        "NodeAllocatable", doc: "What one node of the pool can give pods: its allocatable CPU and memory.",
        fields: [
            .required("cpu", .quantity(.cpu), "Allocatable CPU per node.", example: "\"3920m\""),
            .required("memory", .quantity(.memory), "Allocatable memory per node.", example: "13Gi"),
        ])

    static let timeSlicingShape = ObjectShape(
        "TimeSlicing", doc: "NVIDIA device-plugin time-slicing.",
        fields: [.required("replicas", .integer(min: 2, max: 64), "Virtual GPUs per physical GPU.", example: "4")])

    init(_ r: FieldReader) throws {
        name = try r.string("name")
        product = try r.string("product")
        memory = try r.quantity("memory")
        visibleMemory = try r.optionalQuantity("visibleMemory")
        gpusPerNode = try r.integer("gpusPerNode")
        nodes = try r.integer("nodes")
        node = try r.optionalObject("node") {
            NodeAllocatable(cpu: try $0.quantity("cpu"), memory: try $0.quantity("memory"), span: $0.span)
        }
        nodeSelector = try r.map("nodeSelector") { value in
            guard case .string(let text) = value.value else { throw FieldReader.Unreadable(path: "nodeSelector") }
            return Located(text, at: value.span)
        }
        tolerations = try r.objects("tolerations") {
            Toleration(
                key: try $0.string("key"), operator: try $0.string("operator"), value: try $0.optionalString("value"),
                effect: try $0.optionalString("effect"))
        }
        timeSlicing = try r.optionalObject("timeSlicing") { TimeSlicing(replicas: try $0.integer("replicas")) }
        costPerGPUHour = try r.optionalUSD("costPerGPUHour")
        span = r.span
    }
}
