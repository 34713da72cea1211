/// Names and API facts of the Kyverno family that other families (Argo CD sync waves, docs) and
/// the policy behaviour harness (Tests/PolicyBehaviour) rely on.
enum KyvernoNames {
    /// The CEL policy API. Kyverno 1.17 deprecated `kyverno.io/v1` ClusterPolicy (removal
    /// planned for 1.20); `policies.kyverno.io/v1` is what the conformance kit's v1.19 CRDs serve.
    static let apiVersion = "policies.kyverno.io/v1"
    static let validatingPolicy = "ValidatingPolicy"
    static let imageValidatingPolicy = "ImageValidatingPolicy"

    /// Every policy platc renders starts with this, so `kubectl get vpol` shows which are platc's.
    static let prefix = "platc-"
    static let queueGate = "platc-require-kueue-queue"
    static let gpuFit = "platc-gpu-fit"
    static let allowedImages = "platc-allowed-images"
    static let podSecurity = "platc-pod-security-restricted"
    static let tenantLabel = "platc-require-tenant-label"
    static let imageSignatures = "platc-verify-image-signatures"

    /// The extended resource the NVIDIA device plugin advertises.
    static var gpuResource: String { KueueNames.gpuResource }
    /// The common label on every platc object, namespaces included: policies select by it.
    static let managedByLabel = (Conventions.managedByLabel, "platc")
}
