import Foundation
import PlatcChecks
import PlatcTestSupport
import Testing

@testable import PlatcFacts
@testable import PlatcRender

/// Argo CD: waves order what must exist before workloads, the project admits exactly what platc
/// renders, and the Application leaves KEDA's replicas alone.
@Suite struct ArgoCDPlannerTests {
    static let platforms: [String] = ["default", "minimal", "timeslicing-keda", "single-l4"]

    static func platform(_ name: String) throws -> RenderTestPlatform {
        switch name {
        case "default": try RenderTestPlatform.embeddedDefault()
        case "minimal": try RenderTestPlatform()
        default: try RenderTestPlatform(root: Paths.fixtures.appendingPathComponent(name))
        }
    }

    /// What the planners render before the Argo CD family sees it.
    static func planned(_ name: String) throws -> (RenderContext, [KubeObject]) {
        let context = try platform(name).context()
        return (context, RenderPipeline.placedObjects(context).objects)
    }

    /// The Argo CD family's plan of a platform, from its placed objects and units.
    static func argocd(_ name: String) throws -> (RenderContext, [KubeObject], ArgoCDPlanner.Plan) {
        let context = try platform(name).context()
        let placed = RenderPipeline.placedObjects(context)
        return (context, placed.objects, ArgoCDPlanner.plan(context, syncing: placed.objects, units: placed.units))
    }

    static func annotation(_ object: KubeObject, _ key: String) -> String? { object.annotations.first { $0.0 == key }?.1 }

    @Test(arguments: platforms)
    func everyRenderedKindHasADeliberateWave(_ name: String) throws {
        let (_, objects) = try Self.planned(name)
        for object in objects where Self.annotation(object, Conventions.argocdHookAnnotation) == nil {
            #expect(SyncAnnotations.wave(of: object.kind) != nil, "\(object.kind) has no wave in SyncAnnotations.waves")
        }
    }

    @Test(arguments: platforms)
    func admissionAndQueuesComeBeforeWorkloads(_ name: String) throws {
        let (_, planned) = try Self.planned(name)
        let objects = planned
        func wave(_ object: KubeObject) -> Int? { Self.annotation(object, Conventions.argocdSyncWaveAnnotation).flatMap { Int($0) } }
        let workloads = objects.filter { ["Deployment", "Job", "CronJob"].contains($0.kind) && wave($0) != nil }
        let first = ["Namespace", "ClusterQueue", "ResourceFlavor", "Cohort", "ValidatingPolicy", "ImageValidatingPolicy", "PriorityClass"]
        for before in objects where first.contains(before.kind) {
            for workload in workloads {
                #expect(try #require(wave(before)) < (try #require(wave(workload))), "\(before.kind)/\(before.name) vs \(workload.name)")
            }
        }
        for object in objects {
            let isHook = Self.annotation(object, Conventions.argocdHookAnnotation) != nil
            #expect((wave(object) == nil) == isHook, "\(object.kind)/\(object.name): a hook takes no wave, everything else one")
        }
    }

    @Test func namespacesArePrunedOnlyAfterConfirmation() throws {
        let (_, planned) = try Self.planned("default")
        let objects = planned
        for object in objects {
            let options = Self.annotation(object, Conventions.argocdSyncOptionsAnnotation)
            #expect((options == "Prune=confirm") == (object.kind == "Namespace"), "\(object.kind)/\(object.name)")
        }
    }

    @Test(arguments: platforms)
    func projectAdmitsExactlyWhatIsRendered(_ name: String) throws {
        let (context, objects, plan) = try Self.argocd(name)
        let project = try #require(plan.objects.first { $0.kind == "AppProject" })
        #expect(project.folder == "argocd" && project.path == "argocd/appproject.\(context.platform.argocd.project.value).yaml")
        // What Argo CD syncs: the objects of manifests/ and, through the root, the child Applications.
        let synced = objects + plan.objects.filter { $0.folder == ArgoCDNames.applicationsFolder }
        let spec = try #require(project.spec)
        #expect(spec.at("sourceRepos")?.strings == [context.platform.argocd.repoURL.value])
        let destinations = spec.at("destinations")?.listValue?.compactMap { $0.at("namespace")?.stringValue } ?? []
        #expect(destinations == Set(synced.compactMap(\.namespace) + [context.platform.namespaces.litellm.value]).sorted())
        let cluster = spec.at("clusterResourceWhitelist")?.listValue ?? []
        let admitted = Set(cluster.map { "\($0.at("kind")?.stringValue ?? "")/\($0.at("name")?.stringValue ?? "*")" })
        let expected = Set(synced.filter { $0.namespace == nil }.map { "\($0.kind)/\($0.name)" })
            .union(["Namespace/\(context.platform.namespaces.litellm.value)"])
        #expect(admitted == expected)
        let kinds = Set((spec.at("namespaceResourceWhitelist")?.listValue ?? []).compactMap { $0.at("kind")?.stringValue })
        #expect(kinds == Set(synced.filter { $0.namespace != nil }.map(\.kind)) && kinds.contains("Application"))
        #expect((spec.at("namespaceResourceWhitelist")?.listValue ?? []).allSatisfy { $0.at("name") == nil })
    }

    @Test(arguments: platforms)
    func eachApplicationIgnoresReplicasOfExactlyItsDeploymentsWhoseCountMoves(_ name: String) throws {
        let (context, objects, plan) = try Self.argocd(name)
        let children = plan.objects.filter { $0.folder == ArgoCDNames.applicationsFolder }
        var ignored: [String] = []
        for child in children {
            let folder = try #require(child.spec?.at("source.path")?.stringValue).split(separator: "/").last.map(String.init)
            let own = Set(objects.filter { $0.applicationFolder == folder && $0.kind == "Deployment" }.map(\.name))
            for item in child.spec?.at("ignoreDifferences")?.listValue ?? [] {
                #expect(item.at("jsonPointers")?.strings == ["/spec/replicas"])
                #expect(item.at("group")?.stringValue == "apps" && item.at("kind")?.stringValue == "Deployment")
                let deployment = item.at("name")?.stringValue ?? ""
                #expect(own.contains(deployment), "\(child.name) ignores \(deployment), which another Application syncs")
                ignored.append(deployment)
            }
            let options = child.spec?.at("syncPolicy.syncOptions")?.strings ?? []
            let ignores = child.spec?.at("ignoreDifferences") != nil
            #expect(options.contains("RespectIgnoreDifferences=true") == ignores && options.contains("ServerSideApply=true"))
            #expect(child.spec?.at("source.repoURL")?.stringValue == context.platform.argocd.repoURL.value)
            #expect(child.spec?.at("source.directory.recurse") == .bool(true))
        }
        let scaled = objects.filter { $0.kind == "ScaledObject" }.compactMap { $0.spec?.at("scaleTargetRef.name")?.stringValue }
        // KEDA's and the ones scaled by hand (autoscaling: none with max > min); never a parked one.
        let moving = context.spec.models.filter { $0.replicaPlan.countMoves }.map(\.name.value)
        #expect(Set(ignored) == Set(moving) && ignored.count == moving.count, "ignoreDifferences \(ignored) vs \(moving)")
        #expect(Set(scaled).isSubset(of: Set(ignored)), "every ScaledObject's Deployment: \(scaled)")
    }

    @Test func sourcePathsAreFoldersOfOut() {
        #expect(ArgoCDApplication.repoPath("out", "manifests/foundation") == "out/manifests/foundation")
        #expect(ArgoCDApplication.repoPath("deploy/out/", "applications") == "deploy/out/applications")
        #expect(ArgoCDApplication.repoPath(".", "manifests/litellm") == "manifests/litellm")
    }

    @Test func timeSlicingFixtureSyncsItsOwnRepoRevisionAndPath() throws {
        let (context, _, plan) = try Self.argocd("timeslicing-keda")
        let root = try #require(plan.objects.first { $0.kind == "Application" && $0.folder == ArgoCDNames.bootstrapFolder })
        #expect(root.namespace == "gitops" && root.name == "\(context.platform.name.value)-root")
        #expect(root.spec?.at("project")?.stringValue == "edge-llm")
        #expect(root.spec?.at("source.targetRevision")?.stringValue == "release")
        #expect(root.spec?.at("source.path")?.stringValue == "deploy/out/applications")
        #expect(root.spec?.at("source.directory.recurse") == .bool(false))
        let children = plan.objects.filter { $0.folder == ArgoCDNames.applicationsFolder }
        #expect(
            children.map { $0.spec?.at("source.path")?.stringValue }
                == children.map { "deploy/out/manifests/" + $0.name.dropFirst(context.platform.name.value.count + 1) })
        #expect(children.allSatisfy { $0.namespace == "gitops" && $0.spec?.at("project")?.stringValue == "edge-llm" })
    }
}
