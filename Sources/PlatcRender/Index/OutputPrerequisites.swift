import PlatcFacts
import PlatcSpec

/// out/README.md's request path and the objects it relies on that platc does not render: the
/// Secrets (by reference: platc never reads them), LiteLLM's own Deployment and Service, the
/// Gateway and Prometheus. Every name is a DNS label or hostname, so none needs escaping.
enum OutputPrerequisites {
    static func markdown(_ facts: Facts) -> String {
        let platform = facts.spec.platform
        let ns = platform.namespaces, gateway = platform.gateway, litellm = platform.litellm
        let service = "\(litellm.service.name.value):\(litellm.service.port.value)"
        let apiKey = platform.serving.apiKeyRef, masterKey = litellm.masterKeyRef
        let keyVariable = Conventions.vllmAPIKeyVariable
        let (labelKey, labelValue) = Conventions.litellmAppLabel
        let (prometheusKey, prometheusValue) = Conventions.prometheusAppLabel
        let apiKeyRow = (
            "Secret `\(apiKey.name.value)`, key `\(apiKey.key.value)`", ns.serving.value,
            "the key every vLLM server requires on `/v1` (`serving.apiKeyRef`); the pods do not start without it"
        )
        let modelRows = modelSecrets(facts.spec.models).map { ($0.what, ns.serving.value, $0.purpose) }
        let routing = facts.inferenceRouting
        let litellmAdmittedBy = routing == nil ? "the only pods vLLM admits" : "the only pods the inference Gateway admits"
        let rows: [(String, String, String)] =
            [apiKeyRow] + modelRows + [
                (
                    "the same key's value, as env `\(keyVariable)` of LiteLLM's pods", ns.litellm.value,
                    "LiteLLM's calls to vLLM (`api_key: os.environ/\(keyVariable)`)"
                ),
                (
                    "Secret `\(masterKey.name.value)`, key `\(masterKey.key.value)`, as env `\(LiteLLMNames.masterKeyVariable)` of LiteLLM's pods",
                    ns.litellm.value, "LiteLLM's master key (`litellm.masterKeyRef`; the team reconciler reads it too)"
                ),
            ] + providerKeys(facts.hostedModels).map { ($0.what, ns.litellm.value, $0.purpose) } + [
                (
                    "LiteLLM's Deployment: pods labelled `\(labelKey): \(labelValue)`, listening on \(litellm.service.port.value), "
                        + "config from ConfigMap `\(LiteLLMNames.configMap)`, env `\(LiteLLMNames.databaseURLVariable)`", ns.litellm.value,
                    "the router: keys, team budgets, rate limits; \(litellmAdmittedBy)"
                ),
                ("Service `\(service)` selecting those pods", ns.litellm.value, "the edge route's backend (`litellm.service`)"),
                (
                    "Gateway `\(gateway.name.value)` (class `\(gateway.className.value)`) with a listener for "
                        + "`\(gateway.hostname.value)` that admits HTTPRoutes from namespace `\(ns.litellm.value)`",
                    ns.gateway.value, "the edge clients call"
                ),
            ] + (routing.map(inferenceRows) ?? []) + [
                (
                    "Prometheus' pods labelled `\(prometheusKey): \(prometheusValue)`", Conventions.monitoringNamespace,
                    "scraping vLLM's metrics, the only other pods vLLM admits"
                )
            ]
        var text = """

            ## The request path, and what must exist beside it

            client → Gateway `\(gateway.name.value)` (namespace `\(ns.gateway.value)`, host `\(gateway.hostname.value)`) → \
            HTTPRoute `\(ns.litellm.value)/\(EdgeRoute.name)` (deadline \(EdgeRoute.gatewayDuration(platform.timeouts.gateway.value))) → \
            LiteLLM (Service `\(service)`: keys, team budgets, rate limits) → \(routing.map(inferenceHops) ?? directHops) \
            Tenant pods call LiteLLM in-cluster at `\(LiteLLMNames.proxyURL(platform))`.

            platc renders none of the following; they must exist before Argo CD syncs this folder:

            | what | namespace | for |
            | --- | --- | --- |

            """
        for (what, namespace, purpose) in rows { text += "| \(what) | `\(namespace)` | \(purpose) |\n" }
        text += """

            To rotate the vLLM key without downtime, follow platc's docs/request-path.md ("Rotating the vLLM key").

            """
        return text
    }

    static let directHops = """
        the model's Service (port \(Conventions.vllmPort)) → vLLM, which requires the key. No route reaches a model, and \
        vLLM's NetworkPolicy admits only LiteLLM's and Prometheus' pods.
        """

    /// Inference-gateway mode's hops after LiteLLM.
    static func inferenceHops(_ routing: InferenceRouting) -> String {
        """
        Gateway `\(routing.gatewayName)` (namespace `\(routing.namespace)`, Service `\(routing.serviceName):\(routing.port)`; \
        its NetworkPolicy admits only LiteLLM's pods) → the model's HTTPRoute (path prefix `/<model>`, LiteLLM's \
        `api_base`) → its InferencePool, whose endpoint picker chooses the pod → vLLM (port \(Conventions.vllmPort)), which \
        requires the key. No route of the edge reaches a model, and vLLM's NetworkPolicy admits only the inference \
        Gateway's data plane, the endpoint pickers and Prometheus' pods.
        """
    }

    /// What inference-gateway mode relies on beside what platc renders.
    static func inferenceRows(_ routing: InferenceRouting) -> [(String, String, String)] {
        [
            (
                "the Inference Extension's InferencePool CRD (`inference.networking.k8s.io/v1`)", "(cluster)",
                "the InferencePools; platc's are v1, each with an endpoint picker"
            ),
            (
                "a gateway implementation for class `\(routing.className)` that supports InferencePool backends: for Gateway "
                    + "`\(routing.gatewayName)` it creates Service `\(routing.serviceName)` on port \(routing.port) and data-plane pods "
                    + "labelled `\(InferenceGateway.gatewayNameLabel): \(routing.gatewayName)` in its namespace (GEP-1762)",
                routing.namespace, "the inference Gateway LiteLLM calls (`routing.inferenceGateway`)"
            ),
        ]
    }

    /// The hosted models' provider keys, each Secret key once, sorted by variable: LiteLLM reads
    /// them from its environment, and its pods must reach the providers (HTTPS egress; a
    /// NetworkPolicy cannot name a host, docs/render-litellm.md § Hosted models).
    static func providerKeys(_ hosted: [HostedModelFacts]) -> [(what: String, purpose: String)] {
        var readers: [String: (what: String, models: [String])] = [:]
        for model in hosted {
            let ref = model.model.provider.apiKeyRef, provider = model.model.provider
            let what = "Secret `\(ref.name.value)`, key `\(ref.key.value)`, as env `\(model.keyVariable)` of LiteLLM's pods"
            let endpoint = provider.apiBase.map { " at \($0.value)" } ?? ""
            readers[model.keyVariable, default: (what, [])].models.append("`\(model.model.name.value)` (\(provider.name.value)\(endpoint))")
        }
        return readers.sorted { $0.key < $1.key }.map { _, reader in
            (
                reader.what,
                "the provider key of hosted \(reader.models.count == 1 ? "model" : "models") \(reader.models.joined(separator: ", ")) "
                    + "(`provider.apiKeyRef`); LiteLLM's pods must also reach the provider over HTTPS"
            )
        }
    }

    /// The Secret keys models read through `serving.env`, each once, sorted by Secret and key.
    static func modelSecrets(_ models: [Model]) -> [(what: String, purpose: String)] {
        var readers: [String: [String]] = [:]
        for model in models {
            for variable in model.serving.env {
                guard let ref = variable.secretKeyRef else { continue }
                readers["Secret `\(ref.name.value)`, key `\(ref.key.value)`", default: []].append(
                    "env `\(variable.name.value)` of model `\(model.name.value)`")
            }
        }
        return readers.sorted { $0.key < $1.key }.map { what, uses in
            (what, uses.joined(separator: ", ") + " (`serving.env`); the pods do not start without it")
        }
    }
}
