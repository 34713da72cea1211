/// ClusterIP Service in front of the model's ready pods: LiteLLM or a debugging client can reach
/// the model directly; the gateway goes through the InferencePool instead.
enum ServingService {
    static func object(_ serving: ServingModel) -> KubeObject {
        serving.object(
            "v1", "Service", name: serving.serviceName,
            body: [
                "spec": [
                    "type": "ClusterIP",
                    "selector": .sortedMap(serving.selector),
                    "ports": [
                        ["name": "http", "port": .int(Conventions.vllmPort), "targetPort": "http", "protocol": "TCP"]
                    ],
                ]
            ])
    }
}
