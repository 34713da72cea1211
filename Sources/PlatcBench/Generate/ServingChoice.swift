import PlatcCompiler
import PlatcSpec

/// How a synthetic model is served. Chosen per (config, GPU class) by platc's own checks: the
/// first tensor-parallel degree and context length, longest context first, with which a
/// one-model platform raises no fit or timeout finding at all.
struct ServingChoice: Equatable {
    var gpuClass: String
    var tensorParallel: Int
    var maxModelLen: Int
    var maxNumSeqs: Int

    static let lengths = [8192, 4096, 2048]
    static let tensorParallelDegrees = [1, 2, 4, 8]

    /// Every class in `classes` the config can be served on, with the way it is served there.
    static func choices(for config: ConfigPool.Config, on classes: [GPUCatalog.Class]) -> [ServingChoice] {
        classes.compactMap { gpu in
            for tensorParallel in tensorParallelDegrees {
                for length in lengths {
                    let choice = ServingChoice(gpuClass: gpu.name, tensorParallel: tensorParallel, maxModelLen: length, maxNumSeqs: 16)
                    if passes(choice, config: config, gpu: gpu) { return choice }
                }
            }
            return nil
        }
    }

    private static func passes(_ choice: ServingChoice, config: ConfigPool.Config, gpu: GPUCatalog.Class) -> Bool {
        let model = SourceTexts.ModelFields(name: "probe", alias: "probe", config: config.stem, serving: choice, tenants: ["probe"])
        let tenant = SourceTexts.TenantFields(
            name: "probe", displayName: "Probe", budgetUSD: 100, rpm: 60, models: ["probe"], gpuClass: gpu.name, borrowingLimit: 0,
            priority: "normal")
        let tree = SourceTree(files: [
            .init(path: "platform/probe.yaml", bytes: Array(SourceTexts.platform(name: "probe", budgetUSD: 100).utf8)),
            .init(path: "platform/gpu-classes/\(gpu.name).yaml", bytes: Array(SourceTexts.gpuClass(gpu, nodes: 2).utf8)),
            .init(path: "tenants/probe.yaml", bytes: Array(SourceTexts.tenant(tenant).utf8)),
            .init(path: "models/probe.yaml", bytes: Array(SourceTexts.model(model).utf8)),
            .init(path: "models/configs/\(config.stem).json", bytes: config.bytes),
        ])
        let findings = Compilation(tree).diagnostics
        return !findings.contains { finding in
            finding.severity == .error
                || (finding.severity == .warning && (finding.ruleID.hasPrefix("fit/") || finding.ruleID.hasPrefix("timeout/")))
        }
    }
}
