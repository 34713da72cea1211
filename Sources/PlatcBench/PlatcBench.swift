import ArgumentParser

/// The performance harness (docs/BENCHMARKS.md): a deterministic synthetic platform of any size,
/// and a runner that times whole `platc` processes on it.
@main
struct PlatcBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "platc-bench",
        abstract: "Generate synthetic platforms and benchmark platc on them.",
        subcommands: [GenerateCommand.self, RunCommand.self])
}
