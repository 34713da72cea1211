/// The labels that pick pods in the serving namespace: each model's vLLM pods, and in
/// inference-gateway mode its endpoint picker's. The Deployments label their pods with these,
/// the Services, PodMonitors and InferencePools select with them: one definition for all, so a
/// pool selects exactly its own model's vLLM pods (model names are unique; the render tests prove
/// it on every rendered platform, InferencePoolSelectionTests).
public enum PodSelectors {
    /// Kubernetes' recommended labels: what runs (vllm, endpoint-picker) and for which model.
    public static let nameKey = "app.kubernetes.io/name"
    public static let instanceKey = "app.kubernetes.io/instance"

    public static let vllmName = "vllm"
    public static let endpointPickerName = "endpoint-picker"

    /// A model's vLLM pods.
    public static func vllm(_ model: String) -> [(String, String)] { [(nameKey, vllmName), (instanceKey, model)] }

    /// The pods of a model's endpoint picker.
    public static func endpointPicker(_ model: String) -> [(String, String)] {
        [(nameKey, endpointPickerName), (instanceKey, model)]
    }
}
