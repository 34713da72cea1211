import PlatcFacts
import PlatcSpec

/// A model's InferencePool (`inference.networking.k8s.io/v1`): its vLLM pods on port 8000, and the
/// endpoint picker that chooses one per request by queue depth, KV-cache use and prefix
/// affinity. `FailOpen`: while the picker restarts (one replica, `Recreate`), the gateway still
/// forwards to a pod of the pool rather than refusing (Inference Extension v1 API).
enum InferencePoolObject {
    static func object(_ serving: ServingModel) -> KubeObject {
        serving.object(
            "inference.networking.k8s.io/v1", "InferencePool",
            body: [
                "spec": [
                    "selector": ["matchLabels": .sortedMap(serving.selector)],
                    "targetPorts": [["number": .int(Conventions.vllmPort)]],
                    "endpointPickerRef": [
                        "group": "", "kind": "Service", "name": .string(InferenceRouting.pickerName(of: serving.name)),
                        "port": ["number": .int(InferenceRouting.extProcPort)], "failureMode": "FailOpen",
                    ],
                ]
            ])
    }
}
