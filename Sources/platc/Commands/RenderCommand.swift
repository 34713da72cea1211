import ArgumentParser
import Foundation
import PlatcCompiler
import PlatcRender
import PlatcSpec

/// `platc render`: load, check, then replace out/ atomically with a fresh render. With
/// `--check`, write nothing and exit 1 when out/ differs from what a render would write.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Check the platform, then write out/ (or, with --check, verify it is current).")

    @Option(name: .long, help: "Platform root (holds platform/, tenants/, models/).")
    var root: String = "."

    @Option(name: .long, help: "Output folder (default: <root>/out).")
    var out: String?

    @Flag(name: .long, help: "Write nothing; exit 1 when out/ is stale, hand-edited, missing files or has extra ones.")
    var check = false

    @Flag(name: .long, inversion: .prefixedNo, help: "Color diagnostics (default: when stdout is a terminal and NO_COLOR is unset).")
    var color: Bool?

    func run() throws {
        let started = Date()
        let (_, compilation) = try SourceTreeReader.loadAndCheck(root: root)
        let (loaded, sorted) = (compilation.loaded, compilation.diagnostics)
        if !sorted.isEmpty {
            let prefix = CheckCommand.displayPrefix(root)
            print(TextFormatter(sources: loaded.sources, pathPrefix: prefix, color: stdoutWantsColor(color)).format(sorted), terminator: "")
        }
        guard let facts = compilation.clean else {
            printError("the sources have errors; nothing was written")
            throw check ? ExitStatus.sourceErrorsInGate : ExitStatus.errors
        }

        let artifacts: [Artifact]
        do {
            artifacts = try PhaseTimings.measure("render") { try RenderPipeline.render(facts) }
        } catch RenderPipeline.Failure.refused(let diagnostics) {
            let prefix = CheckCommand.displayPrefix(root)
            print(
                TextFormatter(sources: loaded.sources, pathPrefix: prefix, color: stdoutWantsColor(color)).format(diagnostics),
                terminator: "")
            printError("the rendered objects break a limit; nothing was written")
            throw check ? ExitStatus.sourceErrorsInGate : ExitStatus.errors
        } catch {
            printError("internal error, please report it: \(error)")
            throw ExitStatus.usageOrIO
        }
        let output = OutputDirectory(path: out ?? (root as NSString).appendingPathComponent("out"))
        let elapsed = { Int(Date().timeIntervalSince(started) * 1000) }
        do {
            if check {
                let changes = try PhaseTimings.measure("compare") { try output.compare(with: artifacts) }
                if changes.isEmpty {
                    progress("platc: \(output.path) is current (\(artifacts.count) files, \(elapsed()) ms)")
                    return
                }
                // Paths as the user names them from where they ran, and the command that repairs them.
                let shown = out.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? CheckCommand.displayPrefix(root) + "out/"
                for path in changes.added { print("missing: \(shown)\(path)") }
                for path in changes.modified { print("stale or edited: \(shown)\(path)") }
                for path in changes.removed { print("not rendered by platc: \(shown)\(path)") }
                let fix = ["platc render"] + (root == "." ? [] : ["--root \(root)"]) + (out.map { ["--out \($0)"] } ?? [])
                printError(
                    "\(shown) differs from a fresh render: \(changes.added.count) missing, \(changes.modified.count) changed, \(changes.removed.count) extra; run `\(fix.joined(separator: " "))`"
                )
                throw ExitStatus.errors
            }
            let (changes, leftover) = try PhaseTimings.measure("write") { try output.replace(with: artifacts) }
            if let leftover {
                progress(
                    "platc: warning: the staging folder '\(output.stagePath)' is left behind (the next render removes it): \(leftover)")
            }
            progress(
                "platc: rendered \(artifacts.count) files into \(output.path) in \(elapsed()) ms: \(changes.added.count) added, \(changes.modified.count) changed, \(changes.removed.count) removed, \(changes.unchanged) unchanged"
            )
        } catch let error as OutputDirectory.IOError {
            printError("\(error)")
            throw ExitStatus.usageOrIO
        }
    }
}

func progress(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
