import Foundation
import PlatcCompiler
import PlatcSpec

/// A synthetic platform of any size, as files: the same inputs give the same bytes on every
/// machine. Capacities and budgets are computed from what was generated, so it checks clean.
struct SyntheticPlatform {
    struct Shape {
        var tenants: Int
        var models: Int
        var gpuClasses: Int
    }

    /// Paths relative to the platform root, in path order.
    var files: [SourceTree.File]

    struct Unservable: Error, CustomStringConvertible {
        var description: String
    }

    static func generate(_ shape: Shape, configs pool: ConfigPool) throws -> SyntheticPlatform {
        let classes = Array(GPUCatalog.classes.prefix(shape.gpuClasses))
        // The configs that fit some class, each with where and how it is served.
        let servable = pool.configs.map { ($0, ServingChoice.choices(for: $0, on: classes)) }.filter { !$0.1.isEmpty }
        guard !servable.isEmpty else {
            throw Unservable(description: "no config.json fits any of the GPU classes \(classes.map(\.name))")
        }
        let tenantNames = (0..<shape.tenants).map { "team-" + String($0 + 1).leftPadded(to: 5) }
        var modelNames: [String] = []
        var modelServing: [ServingChoice] = []
        var modelConfigs: [String] = []
        for index in 0..<shape.models {
            let (config, choices) = servable[index % servable.count]
            let name = String(("m" + String(index + 1).leftPadded(to: 4) + "-" + config.stem).prefix(40))
            modelNames.append(name.hasSuffix("-") ? String(name.dropLast()) : name)
            // Spread a config's models over every class it fits on.
            modelServing.append(choices[(index / servable.count) % choices.count])
            modelConfigs.append(config.stem)
        }
        let access = AccessPlan(tenants: shape.tenants, models: shape.models)

        var files: [SourceTree.File] = []
        func add(_ path: String, _ text: String) { files.append(.init(path: path, bytes: Array(text.utf8))) }

        var tenantBudgets = 0
        var tenantsPerClass = [String: Int]()
        for tenant in 0..<shape.tenants { tenantsPerClass[classes[tenant % classes.count].name, default: 0] += 1 }
        for (tenant, name) in tenantNames.enumerated() {
            let gpuClass = classes[tenant % classes.count].name
            let budget = 100 + (tenant % 10) * 50
            tenantBudgets += budget
            let fields = SourceTexts.TenantFields(
                name: name, displayName: "Team \(tenant + 1)", budgetUSD: budget, rpm: 60 + (tenant % 20) * 30,
                models: access.models(of: tenant).map { modelNames[$0] }, gpuClass: gpuClass,
                borrowingLimit: tenantsPerClass[gpuClass, default: 0] > 1 ? 1 : 0, priority: ["normal", "high", "low"][tenant % 3])
            add("tenants/\(name).yaml", SourceTexts.tenant(fields))
        }
        for (model, name) in modelNames.enumerated() {
            let fields = SourceTexts.ModelFields(
                name: name, alias: "\(name)-chat", config: modelConfigs[model], serving: modelServing[model],
                tenants: access.tenants(of: model).map { tenantNames[$0] })
            add("models/\(name).yaml", SourceTexts.model(fields))
        }
        for config in Set(modelConfigs).sorted() {
            let bytes = pool.configs.first { $0.stem == config }!.bytes
            files.append(.init(path: "models/configs/\(config).json", bytes: bytes))
        }
        for gpu in classes {
            // Room for every model at its peak and every tenant's nominal quota beside the warm floor.
            let models = modelServing.filter { $0.gpuClass == gpu.name }
            let peak = models.reduce(0) { $0 + 2 * $1.tensorParallel }
            let need = max(peak, models.reduce(0) { $0 + $1.tensorParallel } + tenantsPerClass[gpu.name, default: 0])
            let nodes = max(1, (need + GPUCatalog.gpusPerNode - 1) / GPUCatalog.gpusPerNode)
            add("platform/gpu-classes/\(gpu.name).yaml", SourceTexts.gpuClass(gpu, nodes: nodes))
        }
        add("platform/bench.yaml", SourceTexts.platform(name: "bench", budgetUSD: tenantBudgets))
        return SyntheticPlatform(files: files.sorted { $0.path < $1.path })
    }

    struct NotClean: Error, CustomStringConvertible {
        var description: String
    }

    /// platc's own checks must find no error (the generator's promise).
    func verify() throws {
        let loaded = Loader().load(SourceTree(files: files))
        let errors = Compilation(loaded).diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            let shown = errors.prefix(5).map { "\($0.span?.file ?? "-"): \($0.ruleID): \($0.message)" }
            throw NotClean(description: "the generated platform has \(errors.count) errors:\n" + shown.joined(separator: "\n"))
        }
    }

    struct NotEmpty: Error, CustomStringConvertible {
        var description: String
    }

    func write(to directory: URL) throws {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: directory.path), !existing.isEmpty {
            throw NotEmpty(description: "\(directory.path) is not empty; platc-bench writes only into a new or empty folder")
        }
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
    }
}

/// Which tenant may call which model: each tenant three models spread over the list, and every
/// model at least one tenant; both sides list the same pairs, as `ref/*` requires.
struct AccessPlan {
    private var byTenant: [[Int]]
    private var byModel: [[Int]]

    init(tenants: Int, models: Int) {
        byTenant = (0..<tenants).map { tenant in
            var picked: [Int] = []
            for candidate in [tenant, tenant * 7 + 3, tenant * 13 + 5] where !picked.contains(candidate % models) {
                picked.append(candidate % models)
            }
            return picked
        }
        byModel = Array(repeating: [], count: models)
        for (tenant, models) in byTenant.enumerated() { for model in models { byModel[model].append(tenant) } }
        for model in byModel.indices where byModel[model].isEmpty {
            let tenant = model % tenants
            byTenant[tenant].append(model)
            byModel[model].append(tenant)
        }
    }

    func models(of tenant: Int) -> [Int] { byTenant[tenant].sorted() }
    func tenants(of model: Int) -> [Int] { byModel[model].sorted() }
}
