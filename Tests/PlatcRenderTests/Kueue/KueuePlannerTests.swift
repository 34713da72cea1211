import PlatcTestSupport
import Testing

@testable import PlatcRender

/// Kueue: flavors from GPU classes, one cohort, a ClusterQueue per tenant whose numbers come from
/// its `gpuQuota` and `namespaceQuota`, the priority classes, and the names that tie them together.
@Suite struct KueuePlannerTests {
    func plan(_ platform: RenderTestPlatform) throws -> [KubeObject] { KueuePlanner.plan(try platform.context()) }

    @Test func rendersFlavorsCohortQueuesAndPriorities() throws {
        let objects = KueuePlanner.plan(try RenderTestPlatform.embeddedDefault().context())
        let names = objects.map { "\($0.kind)/\($0.name)" }.sorted()
        #expect(
            names == [
                "ClusterQueue/research", "ClusterQueue/search", "ClusterQueue/support", "Cohort/lab",
                "ResourceFlavor/cpu-memory.platc.dev", "ResourceFlavor/h100", "ResourceFlavor/l4",
                "WorkloadPriorityClass/high", "WorkloadPriorityClass/low", "WorkloadPriorityClass/normal",
            ])
        for object in objects {
            #expect(object.apiVersion == "kueue.x-k8s.io/v1beta2")
            #expect(object.namespace == nil)
        }
    }

    @Test func gpuFlavorCarriesTheClassNodeSelectorAndTolerations() throws {
        var platform = try RenderTestPlatform()
        platform.addGPUClass(
            "h100", memory: "80Gi",
            extra: """
                nodeSelector:
                  nvidia.com/gpu.product: NVIDIA-H100
                  pool: big
                tolerations:
                  - key: nvidia.com/gpu
                    operator: Exists
                    effect: NoSchedule
                  - key: dedicated
                    value: gpu

                """)
        let objects = try plan(platform)
        let h100 = try objects.object("ResourceFlavor", "h100")
        #expect(h100.labelValue(Conventions.gpuClassLabel) == "h100")
        #expect(h100.bodyValue("spec.nodeLabels") == ["nvidia.com/gpu.product": "NVIDIA-H100", "pool": "big"])
        #expect(
            h100.bodyValue("spec.tolerations") == [
                ["key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"],
                ["key": "dedicated", "operator": "Equal", "value": "gpu"],
            ])
        #expect(h100.bodyValue("spec.nodeTaints") == nil)
        // A class without selector or tolerations pins nothing.
        #expect(try objects.object("ResourceFlavor", "a10").bodyValue("spec") == [:])
        #expect(try objects.object("ResourceFlavor", "cpu-memory.platc.dev").bodyValue("spec") == [:])
    }

    @Test func cohortIsThePlatformsAndHoldsNoQuotaOfItsOwn() throws {
        let objects = try plan(RenderTestPlatform())
        #expect(try objects.object("Cohort", "mini").bodyValue("spec") == [:])
        let queue = try objects.object("ClusterQueue", "team")
        #expect(queue.bodyValue("spec.cohortName") == "mini")
        #expect(queue.bodyValue("spec.cohort") == nil, "v1beta2 removed spec.cohort")
    }

    @Test func clusterQueueAdmitsOnlyTheTenantsNamespaceWithItsQuota() throws {
        var platform = try RenderTestPlatform()
        platform.addGPUClass("h100", memory: "80Gi")
        platform.edit("tenants/team.yaml", "a10: {nominal: 1}", "h100: {nominal: 2, borrowingLimit: 3}\n  a10: {nominal: 1}")
        let queue = try plan(platform).object("ClusterQueue", "team")
        #expect(queue.bodyValue("spec.namespaceSelector") == ["matchLabels": ["kubernetes.io/metadata.name": "team"]])
        let groups = try #require(queue.bodyValue("spec.resourceGroups")?.listValue)
        #expect(groups.count == 2)
        #expect(groups[0].value(at: "coveredResources") == ["nvidia.com/gpu"])
        // Smallest GPU first, whatever order the tenant wrote.
        #expect(
            groups[0].value(at: "flavors") == [
                ["name": "a10", "resources": [["name": "nvidia.com/gpu", "nominalQuota": 1, "borrowingLimit": 0]]],
                ["name": "h100", "resources": [["name": "nvidia.com/gpu", "nominalQuota": 2, "borrowingLimit": 3]]],
            ])
        #expect(
            groups[1]
                == [
                    "coveredResources": ["cpu", "memory"],
                    "flavors": [
                        [
                            "name": "cpu-memory.platc.dev",
                            "resources": [
                                ["name": "cpu", "nominalQuota": "16", "borrowingLimit": 0],
                                ["name": "memory", "nominalQuota": "64Gi", "borrowingLimit": 0],
                            ],
                        ]
                    ],
                ])
    }

    @Test func aTenantWithoutGPUQuotaGetsNoGPUGroup() throws {
        var platform = try RenderTestPlatform()
        platform.addTenant("docs")
        let groups = try #require(try plan(platform).object("ClusterQueue", "docs").bodyValue("spec.resourceGroups")?.listValue)
        #expect(groups.count == 1)
        #expect(groups[0].value(at: "coveredResources") == ["cpu", "memory"])
    }

    @Test func defaultedFieldsAndPreemptionAreWrittenOut() throws {
        let spec = try #require(try plan(RenderTestPlatform()).object("ClusterQueue", "team").bodyValue("spec"))
        #expect(spec.value(at: "queueingStrategy") == "BestEffortFIFO")
        #expect(spec.value(at: "stopPolicy") == "None")
        #expect(spec.value(at: "flavorFungibility") == ["whenCanBorrow": "MayStopSearch", "whenCanPreempt": "TryNextFlavor"])
        #expect(
            spec.value(at: "preemption") == [
                "reclaimWithinCohort": "Any", "withinClusterQueue": "LowerPriority", "borrowWithinCohort": ["policy": "Never"],
            ])
    }

    @Test func everyFlavorAQueueNamesIsRendered() throws {
        let objects = KueuePlanner.plan(try RenderTestPlatform.embeddedDefault().context())
        let flavors = Set(objects.filter { $0.kind == "ResourceFlavor" }.map(\.name))
        for queue in objects where queue.kind == "ClusterQueue" {
            for group in queue.bodyValue("spec.resourceGroups")?.listValue ?? [] {
                for flavor in group.value(at: "flavors")?.listValue ?? [] {
                    let name = try #require(flavor.value(at: "name")?.stringValue)
                    #expect(flavors.contains(name), "\(queue.name) names flavor \(name)")
                }
            }
        }
    }

    @Test func priorityClassesAreNamedLikeTheLanguageAndOrdered() throws {
        let objects = try plan(RenderTestPlatform())
        let values = try ["low", "normal", "high"].map { name in
            try #require(try objects.object("WorkloadPriorityClass", name).bodyValue("value"))
        }
        #expect(values == [100, 1000, 10000])
        #expect(try objects.object("WorkloadPriorityClass", "high").bodyValue("spec") == nil, "value sits at the top level")
    }
}
