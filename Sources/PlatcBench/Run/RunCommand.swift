import ArgumentParser
import Foundation

/// `platc-bench run`: generates the platform of each scale, times whole platc processes on it
/// (and, with --peer, kubectl kustomize on the same platform at L), judges the targets and
/// writes docs/BENCHMARKS.md between its markers.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Time platc (and the kustomize peer) on synthetic platforms; write docs/BENCHMARKS.md.")

    @Option(help: "The platc binary to time (default: <repo>/.build/release/platc).") var platc: String?
    @Option(help: "Scales to measure: S (10 tenants), L (1000), XL (5000), comma-separated.") var scales = ScaleList.all
    @Option(help: "Timed runs per row (at least 5 for the doc).") var runs = 5
    @Option(help: "Untimed warm-up runs before each row.") var warmup = 1
    @Option(
        help: "Scratch folder, kept afterwards (default: a fresh folder under /dev/shm, else the temporary directory, removed at the end).")
    var work: String?
    @Option(help: "The Markdown file to update between its markers, or - to print the tables only (default: <repo>/docs/BENCHMARKS.md).")
    var output: String?
    @Flag(help: "Also time kubectl kustomize on the same platform as a kustomize tree, at L.") var peer = false
    @Option(help: "The platc repository: config.json files for the generator, the commit for the report.") var repo = "."

    func validate() throws {
        guard runs >= 1, warmup >= 0 else { throw ValidationError("--runs must be at least 1 and --warmup at least 0") }
        guard runs >= 5 || output == "-" else { throw ValidationError("the doc needs --runs 5 or more (or --output -)") }
    }

    func run() throws {
        let repo = URL(fileURLWithPath: repo).standardizedFileURL
        let platc = platc ?? repo.appendingPathComponent(".build/release/platc").path
        guard FileManager.default.isExecutableFile(atPath: platc) else {
            throw ValidationError("no platc at \(platc): build it (swift build -c release --product platc) or pass --platc")
        }
        let workFolder = try work.map { URL(fileURLWithPath: $0) } ?? temporaryFolder()
        defer { if work == nil { try? FileManager.default.removeItem(at: workFolder) } }
        let scratch = workFolder.appendingPathComponent("process-output")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)

        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let timer = ProcessTimer(scratch: scratch, environment: environment)
        let measurer = Measurer(timer: timer, runs: runs, warmup: warmup)
        let machine = Machine.describe(repo: repo, work: workFolder, timer: timer)
        let bench = ScaleBench(
            measurer: measurer, platc: platc, repo: repo, generator: try Executables.current(), work: workFolder,
            keep: work != nil, peer: peer ? try Executables.find("kubectl") : nil, git: try Executables.find("git"))

        var results = Results(
            machine: machine, runs: runs, warmup: warmup, arguments: Array(CommandLine.arguments.drop { $0 != "run" }.dropFirst()),
            inputs: [], rows: [], peer: nil)
        for scale in scales.scales { try bench.measure(scale, into: &results) }
        if peer, !scales.scales.contains(.L) { Log.say("platc-bench: --peer runs at L only; L was not measured") }

        if output == "-" {
            print(Report.tables(results), terminator: "")
        } else {
            let file = output.map { URL(fileURLWithPath: $0) } ?? repo.appendingPathComponent("docs/BENCHMARKS.md")
            try BenchDocument.update(file, with: Report.document(results))
            Log.say("platc-bench: wrote \(file.path)")
        }
        let judged = Targets.judge(results.rows)
        Log.say(
            "platc-bench: targets: \(judged.filter { $0.passed == true }.count) PASS, \(judged.filter { $0.passed == false }.count) FAIL")
    }

    /// Under /dev/shm when there is one: on this project's VM, ext4 makes creating the same
    /// 10,000 files take 0.3 s to 4 s depending on how recently files were deleted (it skips
    /// recently freed inodes), which would swamp platc's own time. `--work` measures a disk.
    private func temporaryFolder() throws -> URL {
        var isFolder: ObjCBool = false
        let shm =
            FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isFolder) && isFolder.boolValue
            && FileManager.default.isWritableFile(atPath: "/dev/shm")
        let base = shm ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("platc-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
