import Foundation

/// The peer: the same platform as a kustomize tree, "the way people do it today": two bases
/// (bases/tenant, bases/model), one overlay per tenant and per model, and a top
/// kustomization.yaml listing every overlay. `kubectl kustomize` builds it in one process.
///
/// It yields only the per-tenant and per-model objects; platc also checks the platform and
/// renders ClusterQueues, Kyverno policies, LiteLLM's config, Argo CD apps and the catalog.
struct KustomizePeer {
    var root: URL
    var tenants: Int
    var models: Int

    /// The objects a correct build holds.
    var expectedObjects: Int {
        tenants * KustomizeTenantBase.objectsPerTenant + models * KustomizeModelBase.objectsPerModel
    }

    /// Writes the tree for the synthetic platform at `platform`, read from its source files.
    static func write(from platform: URL, to root: URL) throws -> KustomizePeer {
        let manager = FileManager.default
        func write(_ text: String, _ path: String) throws {
            let url = root.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let settings =
            try yamlFiles(in: platform.appendingPathComponent("platform"))
            .map { try SourceFields.read(platform.appendingPathComponent("platform/\($0)")) }
            .first { $0["kind"] == "Platform" } ?? SourceFields("")
        let namespace = settings["namespaces.serving"]
        var products: [String: String] = [:]
        for file in try yamlFiles(in: platform.appendingPathComponent("platform/gpu-classes")) {
            let gpu = try SourceFields.read(platform.appendingPathComponent("platform/gpu-classes/\(file)"))
            products[gpu["name"]] = gpu["product"]
        }

        for (path, text) in KustomizeTenantBase.files(platform: settings["name"]) { try write(text, "bases/tenant/\(path)") }
        for (path, text) in KustomizeModelBase.files(platform: settings["name"], namespace: namespace) {
            try write(text, "bases/model/\(path)")
        }
        var overlays: [String] = []
        let tenantFiles = try yamlFiles(in: platform.appendingPathComponent("tenants"))
        for file in tenantFiles {
            let tenant = tenantOverlay(try SourceFields.read(platform.appendingPathComponent("tenants/\(file)")))
            try write(KustomizeOverlays.tenant(tenant), "overlays/tenants/\(tenant.name)/kustomization.yaml")
            overlays.append("overlays/tenants/\(tenant.name)")
        }
        let modelFiles = try yamlFiles(in: platform.appendingPathComponent("models"))
        for file in modelFiles {
            let model = modelOverlay(try SourceFields.read(platform.appendingPathComponent("models/\(file)")), products: products)
            try write(KustomizeOverlays.model(model, namespace: namespace), "overlays/models/\(model.name)/kustomization.yaml")
            overlays.append("overlays/models/\(model.name)")
        }
        let top = ["apiVersion: kustomize.config.k8s.io/v1beta1", "kind: Kustomization", "resources:"] + overlays.map { "- \($0)" }
        try write(top.joined(separator: "\n") + "\n", "kustomization.yaml")
        return KustomizePeer(root: root, tenants: tenantFiles.count, models: modelFiles.count)
    }

    struct WrongBuild: Error, CustomStringConvertible {
        var description: String
    }

    /// `kubectl kustomize ROOT -o FILE`; the build must hold every expected object.
    func command(kubectl: String, output: URL) -> MeasuredCommand {
        let expected = expectedObjects
        return MeasuredCommand(
            name: "kubectl kustomize", program: kubectl, arguments: ["kustomize", root.path, "-o", output.path],
            beforeEach: { try? FileManager.default.removeItem(at: output) },
            verify: { _ in
                let built = TreeFacts.objects(in: output)
                guard built == expected else {
                    throw WrongBuild(description: "kubectl kustomize built \(built) objects, expected \(expected)")
                }
            })
    }

    // MARK: - Reading the synthetic platform

    /// The .yaml files directly in a folder, sorted.
    private static func yamlFiles(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    private static func tenantOverlay(_ source: SourceFields) -> KustomizeOverlays.Tenant {
        let gpus = source.scalars.filter { $0.key.hasPrefix("gpuQuota.") }.compactMap { Int($0.value) }.reduce(0, +)
        return KustomizeOverlays.Tenant(
            name: source["name"], groups: source.lists["ssoGroups"] ?? [], priority: source["priority"],
            cpu: source["namespaceQuota.cpu"], memory: source["namespaceQuota.memory"], pods: source["namespaceQuota.pods"], gpus: gpus)
    }

    private static func modelOverlay(_ source: SourceFields, products: [String: String]) -> KustomizeOverlays.Model {
        KustomizeOverlays.Model(
            name: source["name"], owner: source["owner"], servedName: source["servedName"], gpuClass: source["serving.gpuClass"],
            product: products[source["serving.gpuClass"]] ?? "", tensorParallel: Int(source["serving.tensorParallel"]) ?? 1,
            maxModelLen: source["serving.maxModelLen"], maxNumSeqs: source["serving.maxNumSeqs"],
            gpuMemoryUtilization: source["serving.gpuMemoryUtilization"], minReplicas: source["serving.replicas.min"],
            maxReplicas: source["serving.replicas.max"], engineImage: source["serving.engine.image"],
            modelcarImage: source["source.modelcar"])
    }
}
