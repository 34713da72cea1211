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
        return (context, RenderPipeline.planners.flatMap { $0.plan(context) })
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
        let objects = SyncAnnotations.annotate(planned)
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
        let objects = SyncAnnotations.annotate(planned)
        for object in objects {
            let options = Self.annotation(object, Conventions.argocdSyncOptionsAnnotation)
            #expect((options == "Prune=confirm") == (object.kind == "Namespace"), "\(object.kind)/\(object.name)")
        }
    }

    @Test(arguments: platforms)
    func projectAdmitsExactlyWhatIsRendered(_ name: String) throws {
        let (context, objects) = try Self.planned(name)
        let project = ArgoCDProject.object(context, syncing: objects)
        #expect(project.folder == "argocd" && project.path == "argocd/appproject.\(context.platform.argocd.project.value).yaml")
        let spec = try #require(project.spec)
        #expect(spec.at("sourceRepos")?.strings == [context.platform.argocd.repoURL.value])
        let destinations = spec.at("destinations")?.listValue?.compactMap { $0.at("namespace")?.stringValue } ?? []
        #expect(destinations == Set(objects.compactMap(\.namespace) + [context.platform.namespaces.litellm.value]).sorted())
        let cluster = spec.at("clusterResourceWhitelist")?.listValue ?? []
        let admitted = Set(cluster.map { "\($0.at("kind")?.stringValue ?? "")/\($0.at("name")?.stringValue ?? "*")" })
        let expected = Set(objects.filter { $0.namespace == nil }.map { "\($0.kind)/\($0.name)" })
            .union(["Namespace/\(context.platform.namespaces.litellm.value)"])
        #expect(admitted == expected)
        let kinds = Set((spec.at("namespaceResourceWhitelist")?.listValue ?? []).compactMap { $0.at("kind")?.stringValue })
        #expect(kinds == Set(objects.filter { $0.namespace != nil }.map(\.kind)))
        #expect((spec.at("namespaceResourceWhitelist")?.listValue ?? []).allSatisfy { $0.at("name") == nil })
    }

    @Test(arguments: platforms)
    func applicationIgnoresReplicasOfExactlyTheDeploymentsWhoseCountMoves(_ name: String) throws {
        let (context, objects) = try Self.planned(name)
        let application = ArgoCDApplication.object(context, syncing: objects)
        let ignored = (application.spec?.at("ignoreDifferences")?.listValue ?? []).map { item in
            #expect(item.at("jsonPointers")?.strings == ["/spec/replicas"])
            #expect(item.at("group")?.stringValue == "apps" && item.at("kind")?.stringValue == "Deployment")
            return item.at("name")?.stringValue ?? ""
        }
        let scaled = objects.filter { $0.kind == "ScaledObject" }.compactMap { $0.spec?.at("scaleTargetRef.name")?.stringValue }
        // KEDA's and the ones scaled by hand (autoscaling: none with max > min); never a parked one.
        let moving = context.spec.models.filter { $0.replicaPlan.countMoves }.map(\.name.value)
        #expect(Set(ignored) == Set(moving) && ignored.count == moving.count, "ignoreDifferences \(ignored) vs \(moving)")
        #expect(Set(scaled).isSubset(of: Set(ignored)), "every ScaledObject's Deployment: \(scaled)")
        let options = application.spec?.at("syncPolicy.syncOptions")?.strings ?? []
        #expect(options.contains("RespectIgnoreDifferences=true") && options.contains("ServerSideApply=true"))
        #expect(application.spec?.at("source.repoURL")?.stringValue == context.platform.argocd.repoURL.value)
        #expect(application.spec?.at("source.directory.recurse") == .bool(true))
    }

    @Test func sourcePathPointsAtTheManifestsFolderOfOut() {
        #expect(ArgoCDApplication.manifestsPath("out") == "out/manifests")
        #expect(ArgoCDApplication.manifestsPath("deploy/out/") == "deploy/out/manifests")
        #expect(ArgoCDApplication.manifestsPath(".") == "manifests")
    }

    @Test func timeSlicingFixtureSyncsItsOwnRepoRevisionAndPath() throws {
        let (context, objects) = try Self.planned("timeslicing-keda")
        let application = ArgoCDApplication.object(context, syncing: objects)
        #expect(application.namespace == "gitops")
        #expect(application.spec?.at("project")?.stringValue == "edge-llm")
        #expect(application.spec?.at("source.targetRevision")?.stringValue == "release")
        #expect(application.spec?.at("source.path")?.stringValue == "deploy/out/manifests")
    }
}
