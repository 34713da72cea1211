import PlatcTestSupport
import Testing

@testable import PlatcRender

/// The per-tenant objects: names that must agree, numbers derived from the tenant file, and the
/// security settings that isolate one tenant from the platform and from the others.
@Suite struct TenantPlannerTests {
    func plan(_ platform: RenderTestPlatform) throws -> [KubeObject] { TenantPlanner.plan(try platform.context()) }

    @Test func rendersEightObjectsPerTenantInItsNamespace() throws {
        let objects = TenantPlanner.plan(try RenderTestPlatform.embeddedDefault().context())
        #expect(objects.count == 3 * 8)
        for object in objects {
            let tenant = try #require(object.labelValue(Conventions.tenantLabel))
            #expect(object.namespace == (object.kind == "Namespace" ? nil : tenant))
            #expect(object.labelValue(Conventions.costCenterLabel) == tenant)
            #expect(object.labelValue("app.kubernetes.io/managed-by") == "platc")
            #expect(object.sources.contains("tenants/\(tenant).yaml"))
        }
        let kinds = Set(objects.filter { $0.namespace == "search" }.map { "\($0.kind)/\($0.name)" })
        #expect(
            kinds == [
                "ResourceQuota/tenant-quota", "LimitRange/tenant-defaults", "Role/tenant-member", "RoleBinding/tenant-member",
                "NetworkPolicy/default-deny", "NetworkPolicy/allow-egress-dns-litellm", "LocalQueue/default",
            ])
    }

    @Test func namespaceEnforcesRestrictedPinnedToThePlatformVersionAndOptsIn() throws {
        var platform = try RenderTestPlatform()
        platform.edit("tenants/team.yaml", "ssoGroups", "priority: high\nssoGroups")
        let namespace = try plan(platform).object("Namespace", "team")
        #expect(namespace.labelValue("pod-security.kubernetes.io/enforce") == "restricted")
        #expect(namespace.labelValue("pod-security.kubernetes.io/enforce-version") == "v1.31")
        #expect(namespace.labelValue("pod-security.kubernetes.io/audit") == "restricted")
        #expect(namespace.labelValue("pod-security.kubernetes.io/audit-version") == "latest")
        #expect(namespace.labelValue("pod-security.kubernetes.io/warn") == "restricted")
        #expect(namespace.labelValue("pod-security.kubernetes.io/warn-version") == "latest")
        #expect(namespace.labelValue(Conventions.tenantWorkloadsLabel) == "true")
        #expect(namespace.labelValue(Conventions.tenantPriorityLabel) == "high")
        #expect(namespace.sources.contains("platform/mini.yaml"))
    }

    @Test func podSecurityVersionDropsThePatch() throws {
        var platform = try RenderTestPlatform()
        platform.edit("platform/mini.yaml", "\"1.31\"", "\"1.33.2\"")
        #expect(PodSecurityLabels.pinnedVersion(try platform.context().platform) == "v1.33")
    }

    @Test func quotaTakesNamespaceQuotaAndNominalPlusBorrowingOverClasses() throws {
        let minimal = try plan(RenderTestPlatform()).object("ResourceQuota", "tenant-quota")
        #expect(
            minimal.bodyValue("spec.hard") == [
                "pods": "50", "requests.cpu": "16", "requests.memory": "64Gi", "requests.nvidia.com/gpu": "1",
            ])
        // research: l4 2 + 1, h100 2 + 1.
        let research = try TenantPlanner.plan(try RenderTestPlatform.embeddedDefault().context()).object(
            "ResourceQuota", "tenant-quota", in: "research")
        #expect(
            research.bodyValue("spec.hard") == [
                "pods": "100", "requests.cpu": "32", "requests.memory": "128Gi", "requests.nvidia.com/gpu": "6",
            ])
    }

    @Test func gpuQuotaCountsAdvertisedGPUsAndSkipsUnknownClasses() throws {
        var platform = try RenderTestPlatform()
        platform.addGPUClass("t4", memory: "16Gi", extra: "timeSlicing:\n  replicas: 4\n")
        platform.edit(
            "tenants/team.yaml", "a10: {nominal: 1}", "a10: {nominal: 1}\n  t4: {nominal: 8, borrowingLimit: 4}\n  nope: {nominal: 5}")
        let quota = try plan(platform).object("ResourceQuota", "tenant-quota")
        // Time-sliced quota is already in advertised GPUs: 1 + 8 + 4, nothing for the unknown class.
        #expect(quota.bodyValue("spec.hard")?.mapValue?["requests.nvidia.com/gpu"] == "13")
    }

    @Test func limitRangeDefaultsRequestsButNoLimits() throws {
        let limitRange = try plan(RenderTestPlatform()).object("LimitRange", "tenant-defaults")
        let limit = try #require(limitRange.bodyValue("spec.limits")?.listValue?.first)
        #expect(limit.value(at: "type") == "Container")
        #expect(limit.value(at: "defaultRequest") == ["cpu": "100m", "memory": "256Mi"])
        #expect(limit.value(at: "default") == nil)
    }

    @Test func roleManagesJobsButNotWhatContainsThem() throws {
        let objects = try plan(RenderTestPlatform())
        let rules = try #require(objects.object("Role", "tenant-member").bodyValue("rules")?.listValue)
        func verbs(_ group: String, _ resource: String) -> Set<String> {
            var found: Set<String> = []
            for rule in rules {
                let groups = rule.value(at: "apiGroups")?.listValue ?? []
                let resources = rule.value(at: "resources")?.listValue ?? []
                guard groups.contains(.string(group)), resources.contains(.string(resource)) else { continue }
                found.formUnion(rule.value(at: "verbs")?.listValue?.compactMap(\.stringValue) ?? [])
            }
            return found
        }
        #expect(verbs("batch", "jobs").isSuperset(of: ["create", "delete", "get", "list", "watch", "patch"]))
        #expect(verbs("", "pods/log") == ["get", "list"])
        #expect(!verbs("", "pods").contains("create"))
        #expect(verbs("kueue.x-k8s.io", "workloads") == ["get", "list", "watch"])
        #expect(verbs("kueue.x-k8s.io", "localqueues") == ["get", "list", "watch"])
        #expect(verbs("", "resourcequotas") == ["get", "list", "watch"])
        for (group, resource) in [
            ("", "namespaces"), ("networking.k8s.io", "networkpolicies"), ("rbac.authorization.k8s.io", "roles"),
            ("rbac.authorization.k8s.io", "rolebindings"), ("kueue.x-k8s.io", "clusterqueues"),
        ] {
            #expect(verbs(group, resource).isEmpty, "\(group)/\(resource)")
        }
        let named = rules.flatMap { ($0.value(at: "apiGroups")?.listValue ?? []) + ($0.value(at: "resources")?.listValue ?? []) }
        #expect(named.allSatisfy { $0 != "*" }, "no wildcards")
    }

    @Test func roleBindingBindsEverySSOGroupSorted() throws {
        let search = try TenantPlanner.plan(try RenderTestPlatform.embeddedDefault().context()).object(
            "RoleBinding", "tenant-member", in: "search")
        #expect(search.bodyValue("roleRef") == ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "tenant-member"])
        #expect(
            search.bodyValue("subjects") == [
                ["kind": "Group", "apiGroup": "rbac.authorization.k8s.io", "name": "search-admins"],
                ["kind": "Group", "apiGroup": "rbac.authorization.k8s.io", "name": "search-engineers"],
            ])
    }

    @Test func networkPoliciesDenyAllThenAllowOnlyDNSAndLiteLLM() throws {
        var platform = try RenderTestPlatform()
        platform.edit("platform/mini.yaml", "\ngateway:\n", "\nnamespaces:\n  litellm: proxy\ngateway:\n")
        platform.edit("platform/mini.yaml", "\nlitellm:\n", "\nlitellm:\n  service: {port: 4100}\n")
        let objects = try plan(platform)
        let deny = try objects.object("NetworkPolicy", "default-deny")
        #expect(deny.bodyValue("spec") == ["podSelector": [:], "policyTypes": ["Ingress", "Egress"]])
        let allow = try objects.object("NetworkPolicy", "allow-egress-dns-litellm")
        #expect(allow.bodyValue("spec.policyTypes") == ["Egress"])
        #expect(allow.bodyValue("spec.ingress") == nil)
        let egress = try #require(allow.bodyValue("spec.egress")?.listValue)
        #expect(egress.count == 2)
        #expect(
            egress[0].value(at: "to") == [
                [
                    "namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": "kube-system"]],
                    "podSelector": ["matchLabels": ["k8s-app": "kube-dns"]],
                ]
            ])
        #expect(egress[0].value(at: "ports") == [["protocol": "UDP", "port": 53], ["protocol": "TCP", "port": 53]])
        #expect(
            egress[1].value(at: "to") == [
                [
                    "namespaceSelector": ["matchLabels": ["kubernetes.io/metadata.name": "proxy"]],
                    "podSelector": ["matchLabels": ["app.kubernetes.io/name": "litellm"]],
                ]
            ])
        #expect(egress[1].value(at: "ports") == [["protocol": "TCP", "port": 4100]])
    }

    @Test func localQueueIsTheDefaultQueueOfTheTenantsClusterQueue() throws {
        let context = try RenderTestPlatform().context()
        let localQueue = try TenantPlanner.plan(context).object("LocalQueue", Conventions.tenantLocalQueueName, in: "team")
        #expect(localQueue.apiVersion == "kueue.x-k8s.io/v1beta2")
        #expect(localQueue.bodyValue("spec") == ["clusterQueue": "team", "stopPolicy": "None"])
        #expect(try KueuePlanner.plan(context).object("ClusterQueue", "team").name == "team")
    }
}
