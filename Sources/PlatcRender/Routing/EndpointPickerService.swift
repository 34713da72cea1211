import PlatcFacts

/// The Service the InferencePool's `endpointPickerRef` names: ext-proc (gRPC over HTTP/2, TLS with
/// the picker's self-signed certificate) and the metrics port. `appProtocol: kubernetes.io/h2c` is
/// llm-d's chart's label for the port, kept as it is (EPP §6).
enum EndpointPickerService {
    static func object(_ serving: ServingModel) -> KubeObject {
        EndpointPicker.object(
            "v1", "Service", of: serving,
            body: [
                "spec": [
                    "type": "ClusterIP",
                    "selector": .sortedMap(PodSelectors.endpointPicker(serving.name)),
                    "ports": [
                        [
                            "name": "grpc-ext-proc", "port": .int(InferenceRouting.extProcPort), "targetPort": "grpc",
                            "protocol": "TCP", "appProtocol": "kubernetes.io/h2c",
                        ],
                        [
                            "name": "http-metrics", "port": .int(InferenceRouting.metricsPort), "targetPort": "metrics",
                            "protocol": "TCP",
                        ],
                    ],
                ]
            ])
    }
}
