import ArgumentParser
import Foundation
import PlatcChecks
import PlatcSpec

/// `platc-bench generate`: writes platform/, tenants/ and models/ of a synthetic platform into DIR
/// and proves it passes `platc check` with no errors before saying so.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Write a deterministic synthetic platform that passes platc check.")

    @Option(help: "Number of tenants.") var tenants: Int
    @Option(help: "Number of models.") var models: Int
    @Option(name: .customLong("gpu-classes"), help: "Number of GPU classes (1–\(GPUCatalog.classes.count)).") var gpuClasses: Int
    @Option(help: "The platc repository, whose models/configs and Tests/Fixtures/gpufit/configs hold the real config.json files.")
    var repo = "."
    @Argument(help: "The folder to write; it must not exist or be empty.") var directory: String

    func validate() throws {
        guard tenants >= 1, tenants <= 100_000 else { throw ValidationError("--tenants must be 1…100000") }
        guard models >= 1, models <= 10_000 else { throw ValidationError("--models must be 1…10000") }
        guard (1...GPUCatalog.classes.count).contains(gpuClasses) else {
            throw ValidationError("--gpu-classes must be 1…\(GPUCatalog.classes.count)")
        }
    }

    func run() throws {
        let pool = try ConfigPool.read(repo: URL(fileURLWithPath: repo))
        let platform = try SyntheticPlatform.generate(
            .init(tenants: tenants, models: models, gpuClasses: gpuClasses), configs: pool)
        try platform.verify()
        try platform.write(to: URL(fileURLWithPath: directory))
        print("wrote \(platform.files.count) files to \(directory): \(tenants) tenants, \(models) models, \(gpuClasses) GPU classes")
    }
}
