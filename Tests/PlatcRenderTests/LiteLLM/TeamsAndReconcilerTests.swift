import PlatcSpec
import Testing

@testable import PlatcRender

/// teams.json and the reconciler's ConfigMap and Job.
@Suite struct TeamsAndReconcilerTests {
    static func teams(_ context: RenderContext) -> [JSONValue] { TeamsDocument.value(context).arrayValue ?? [] }

    @Test func oneTeamNewBodyPerTenant() throws {
        let context = try RenderTestPlatform.embeddedDefault().context()
        let teams = Self.teams(context)
        #expect(teams.compactMap { $0["team_id"]?.stringValue } == ["research", "search", "support"])
        let search = try #require(teams.first { $0["team_id"]?.stringValue == "search" })
        #expect(search["team_alias"]?.stringValue == "Search & Discovery")
        #expect(search["models"] == .array([.string("tenant:search")]))
        #expect(search["max_budget"]?.doubleValue == 1500)
        #expect(search["budget_duration"]?.stringValue == "30d")
        #expect(search["tpm_limit"]?.integerValue == 2_000_000)
        #expect(search["rpm_limit"]?.integerValue == 1200)
        #expect(search["metadata"] == .object([("managed-by", .string("platc")), ("platform", .string("lab"))]))
        // Only NewTeamRequest keys (LiteLLM drops any other silently).
        let keys: Set = ["team_id", "team_alias", "models", "max_budget", "budget_duration", "tpm_limit", "rpm_limit", "metadata"]
        for team in teams {
            guard case .object(let pairs) = team else { continue }
            #expect(Set(pairs.map(\.0)).isSubset(of: keys))
        }
    }

    @Test func teamModelsNameTheGroupOfTheEntriesItMayCall() throws {
        let context = try RenderTestPlatform.embeddedDefault().context()
        let groups = Set(
            ProxyConfig.document(context).at("model_list")?.listValue?.flatMap {
                $0.at("model_info.access_groups")?.strings ?? []
            } ?? [])
        for team in Self.teams(context) {
            for model in team["models"]?.arrayValue ?? [] { #expect(groups.contains(model.stringValue ?? "")) }
        }
    }

    @Test func aTenantWithoutModelsGetsNoModelRatherThanEveryModel() throws {
        var platform = try RenderTestPlatform()
        platform.addTenant("idle")
        let teams = Self.teams(try platform.context())
        let idle = try #require(teams.first { $0["team_id"]?.stringValue == "idle" })
        // An empty list would mean "all models" to LiteLLM.
        #expect(idle["models"] == .array([.string("no-default-models")]))
        #expect(idle["team_alias"]?.stringValue == "idle")
        #expect(idle["max_budget"]?.doubleValue == 50)
    }

    @Test func reconcilerIsARestrictedPostSyncJob() throws {
        let context = try RenderTestPlatform.embeddedDefault().context()
        let objects = LiteLLMPlanner.plan(context)
        let job = try objects.object("Job", "litellm-team-reconciler", in: "litellm")
        let annotations = Dictionary(uniqueKeysWithValues: job.annotations)
        #expect(annotations["argocd.argoproj.io/hook"] == "PostSync")
        #expect(annotations["argocd.argoproj.io/hook-delete-policy"] == "BeforeHookCreation")
        #expect(annotations["argocd.argoproj.io/sync-wave"] == nil)
        #expect(job.spec?.at("backoffLimit")?.intValue == 2)
        #expect(job.spec?.at("activeDeadlineSeconds")?.intValue == 600)
        let pod = try #require(job.podSpec)
        #expect(pod.at("automountServiceAccountToken") == .bool(false))
        #expect(pod.at("securityContext.runAsNonRoot") == .bool(true))
        #expect(pod.at("securityContext.seccompProfile.type")?.stringValue == "RuntimeDefault")
        let container = try #require(pod.at("containers.0"))
        #expect(container.at("image")?.stringValue == context.platform.litellm.image?.value)
        #expect(container.at("securityContext.allowPrivilegeEscalation") == .bool(false))
        #expect(container.at("securityContext.readOnlyRootFilesystem") == .bool(true))
        #expect(container.at("securityContext.capabilities.drop")?.strings == ["ALL"])
        #expect((container.at("securityContext.runAsUser")?.intValue ?? 0) >= 10_000)
        #expect(container.at("resources.requests") != nil && container.at("resources.limits") != nil)
        // The master key is a file of the mounted Secret (by reference), never a variable.
        let env = container.at("env")?.listValue ?? []
        #expect(env.allSatisfy { $0.at("valueFrom") == nil })
        let keyFile = env.first { $0.at("name")?.stringValue == "LITELLM_MASTER_KEY_FILE" }?.at("value")?.stringValue
        #expect(keyFile == "/var/run/secrets/litellm/master-key")
        let mount = container.at("volumeMounts")?.listValue?.first { $0.at("mountPath")?.stringValue == "/var/run/secrets/litellm" }
        #expect(mount?.at("readOnly") == .bool(true))
        let volume = pod.at("volumes")?.listValue?.first { $0.at("name") == mount?.at("name") }
        #expect(volume?.at("secret.secretName")?.stringValue == "litellm-master-key")
        #expect(volume?.at("secret.items.0.key")?.stringValue == "LITELLM_MASTER_KEY")
        #expect(volume?.at("secret.items.0.path")?.stringValue == "master-key")
        #expect(volume?.at("secret.defaultMode")?.intValue == 0o440)
        #expect(pod.at("securityContext.fsGroup") == container.at("securityContext.runAsGroup"))
        // Never selected as a proxy pod.
        #expect(job.spec?.at("template.metadata.labels")?.stringPairs["app.kubernetes.io/name"] != "litellm")
        let configMap = try objects.object("ConfigMap", "litellm-team-reconciler", in: "litellm")
        #expect(configMap.bodyValue("data")?.value(at: "reconcile.py")?.stringValue == ReconcileScript.text)
        #expect(configMap.bodyValue("data")?.value(at: "teams.json")?.stringValue == TeamsDocument.value(context).serialized() + "\n")
    }

    @Test func noReconcilerWithoutAnImage() throws {
        var platform = try RenderTestPlatform()
        platform.edit("platform/mini.yaml") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("litellm:") && !$0.hasPrefix("  image:") }
                .joined(separator: "\n")
        }
        let context = try platform.context()
        #expect(context.platform.litellm.image == nil)
        let objects = LiteLLMPlanner.plan(context)
        #expect(objects.map(\.kind) == ["HTTPRoute", "ConfigMap"])
        #expect(objects.map(\.name) == ["edge", "litellm-config"])
        #expect(LiteLLMPlanner.files(context).map(\.path) == ["litellm/config.yaml", "litellm/teams.json"])
    }

    /// Every credential is an `os.environ/…` reference or a secretKeyRef: the rendered bytes hold no
    /// secret value (a real-looking key, a password or a connection string).
    @Test func noLiteralSecretAnywhere() throws {
        let context = try RenderTestPlatform.embeddedDefault().context()
        var texts = LiteLLMPlanner.plan(context).map { object in
            String(decoding: Artifact.yaml(path: object.path, sources: object.sources, document: object.document).bytes, as: UTF8.self)
        }
        texts += LiteLLMPlanner.files(context).map { String(decoding: $0.artifact().bytes, as: UTF8.self) }
        for text in texts {
            #expect(!text.contains("sk-"))
            #expect(!text.contains("postgres"))
            #expect(!text.contains("password"))
        }
        let config = ProxyConfig.document(context)
        for path in ["general_settings.master_key", "general_settings.database_url"] {
            #expect(config.at(path)?.stringValue?.hasPrefix("os.environ/") == true)
        }
        for entry in config.at("model_list")?.listValue ?? [] {
            #expect(entry.at("litellm_params.api_key")?.stringValue?.hasPrefix("os.environ/") == true)
        }
        // The Job names where the key is (a mounted Secret's file), never the key.
        let job = try LiteLLMPlanner.plan(context).object("Job", "litellm-team-reconciler")
        let env = job.podSpec?.at("containers.0.env")?.listValue ?? []
        let keyVariables = env.filter { $0.at("name")?.stringValue?.contains("KEY") == true }
        #expect(keyVariables.compactMap { $0.at("name")?.stringValue } == ["LITELLM_MASTER_KEY_FILE"])
        #expect(keyVariables.allSatisfy { $0.at("value")?.stringValue?.hasPrefix(TeamReconciler.masterKeyMountPath + "/") == true })
    }

    /// The edge: the platform Gateway's route on its hostname to LiteLLM's Service, with the
    /// gateway rung as its deadline and no retry.
    @Test func theEdgeRouteSendsTheGatewaysHostToLiteLLM() throws {
        var platform = try RenderTestPlatform()
        platform.edit("platform/mini.yaml", "\nlitellm:\n", "\nlitellm:\n  service: {name: router, port: 4100}\n")
        let context = try platform.context()
        let route = try LiteLLMPlanner.plan(context).object("HTTPRoute", "edge")
        #expect(route.namespace == "litellm")
        #expect(
            route.spec?.at("parentRefs.0")?.stringPairs == [
                "group": "gateway.networking.k8s.io", "kind": "Gateway", "namespace": "llm-gateway", "name": "llm-gateway",
            ])
        #expect(route.spec?.at("hostnames")?.strings == [context.platform.gateway.hostname.value])
        #expect(route.spec?.at("rules.0.backendRefs.0")?.stringPairs == ["group": "", "kind": "Service", "name": "router"])
        #expect(route.spec?.at("rules.0.backendRefs.0.port")?.intValue == 4100)
        #expect(route.spec?.at("rules.0.timeouts.request")?.stringValue == "2m")  // minimal: gateway 120s
        #expect(route.spec?.at("rules.0.retry") == nil)
    }
}
