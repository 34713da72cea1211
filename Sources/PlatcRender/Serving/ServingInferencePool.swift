/// The Inference Extension pool of the model's pods, the HTTPRoute's backend.
///
/// No `endpointPickerRef`: optional in `inference.networking.k8s.io/v1`, and platc renders no
/// endpoint picker (EPP) Deployment; a reference to a missing EPP with the default FailClose
/// would reject every request. Without one, the gateway balances across the pool's ready pods.
enum ServingInferencePool {
    static func object(_ serving: ServingModel) -> KubeObject {
        serving.object(
            "inference.networking.k8s.io/v1", "InferencePool", name: serving.poolName,
            body: [
                "spec": [
                    "selector": ["matchLabels": .sortedMap(serving.selector)],
                    "targetPorts": [["number": .int(Conventions.vllmPort)]],
                    // The CRD's default, written out so Argo CD sees no drift.
                    "appProtocol": "http",
                ]
            ])
    }
}
