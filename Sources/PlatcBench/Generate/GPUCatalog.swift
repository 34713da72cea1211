/// The GPU classes a synthetic platform draws from, in order: `--gpu-classes 2` gives the
/// embedded default's L4 and H100; more add the other products platc knows the memory of.
enum GPUCatalog {
    struct Class {
        var name: String
        /// The GPU feature discovery label, as on real nodes.
        var product: String
        var memory: String
        var costPerGPUHour: String
    }

    static let classes: [Class] = [
        Class(name: "l4", product: "NVIDIA-L4", memory: "24Gi", costPerGPUHour: "0.80"),
        Class(name: "h100", product: "NVIDIA-H100-80GB-HBM3", memory: "80Gi", costPerGPUHour: "4.50"),
        Class(name: "a10g", product: "NVIDIA-A10G", memory: "24Gi", costPerGPUHour: "1.00"),
        Class(name: "l40s", product: "NVIDIA-L40S", memory: "48Gi", costPerGPUHour: "1.90"),
        Class(name: "a100-40gb", product: "NVIDIA-A100-SXM4-40GB", memory: "40Gi", costPerGPUHour: "2.20"),
        Class(name: "a100-80gb", product: "NVIDIA-A100-SXM4-80GB", memory: "80Gi", costPerGPUHour: "3.00"),
        Class(name: "h200", product: "NVIDIA-H200", memory: "141Gi", costPerGPUHour: "6.00"),
        Class(name: "b200", product: "NVIDIA-B200", memory: "180Gi", costPerGPUHour: "9.00"),
    ]

    /// Every class has full 8-GPU nodes, so any tensor-parallel degree up to 8 fits one node.
    static let gpusPerNode = 8
}
